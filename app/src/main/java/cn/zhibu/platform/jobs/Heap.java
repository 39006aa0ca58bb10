package cn.zhibu.platform.jobs;

import java.lang.management.ManagementFactory;

/** The app's heap in use now, in MB: jobs keep the largest value seen while they ran, for the benchmark's figure. */
final class Heap {

    private Heap() {
    }

    static long usedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
