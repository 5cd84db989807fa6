package dev.sumbench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Linux CPU lists as {@code /proc} and {@code taskset} write them: {@code 0-3,8,10-11}. */
final class CpuList {

    private CpuList() {
    }

    /**
     * The CPU numbers of {@code list}, in its order.
     *
     * @throws IllegalArgumentException if it is not such a list
     */
    static List<Integer> parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.strip().split(",")) {
            String[] range = part.strip().split("-", -1);
            try {
                if (range.length == 1) {
                    cpus.add(Integer.parseInt(range[0]));
                } else if (range.length == 2) {
                    int from = Integer.parseInt(range[0]);
                    int to = Integer.parseInt(range[1]);
                    if (to < from) {
                        throw new IllegalArgumentException("not a CPU range: " + part);
                    }
                    for (int cpu = from; cpu <= to; cpu++) {
                        cpus.add(cpu);
                    }
                } else {
                    throw new IllegalArgumentException("not a CPU range: " + part);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: " + list, e);
            }
        }
        return cpus;
    }

    /** {@code cpus} written as {@code taskset -c} takes them. */
    static String format(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
