package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void namesAreShortenedOnlyAsFarAsTheyStayUnique() {
        Map<String, String> names = Names.shortest(List.of(
                "com.twineworks.collections.shapemap.MediumMapWriteBenchmark.hash_map__put",
                "com.twineworks.collections.constshapemap.MediumMapWriteBenchmark.hash_map__put",
                "com.twineworks.collections.shapemap.SmallMapReadBenchmark.get",
                "a.x.Same.m", "b.x.Same.m"));
        assertEquals("shapemap.MediumMapWriteBenchmark.hash_map__put",
                names.get("com.twineworks.collections.shapemap.MediumMapWriteBenchmark.hash_map__put"));
        assertEquals("constshapemap.MediumMapWriteBenchmark.hash_map__put",
                names.get("com.twineworks.collections.constshapemap.MediumMapWriteBenchmark.hash_map__put"));
        assertEquals("SmallMapReadBenchmark.get", names.get("com.twineworks.collections.shapemap.SmallMapReadBenchmark.get"));
        assertEquals("a.x.Same.m", names.get("a.x.Same.m"));
        assertEquals("b.x.Same.m", names.get("b.x.Same.m"));
    }

    @Test
    void aSecondaryMetricsLabelIsKeptWhole() {
        Map<String, String> names = Names.shortest(List.of("com.x.Bench.run:gc.alloc.rate.norm",
                "com.x.Bench.run", "Plain"));
        assertEquals("Bench.run:gc.alloc.rate.norm", names.get("com.x.Bench.run:gc.alloc.rate.norm"));
        assertEquals("Bench.run", names.get("com.x.Bench.run"));
        assertEquals("Plain", names.get("Plain"));
    }
}
