package cn.zhibu.bench;

/**
 * {@code java -jar zhibu.jar bench [options]}: measures a running platform over HTTP, as a logged-in user, on the
 * data set in its database, and compares with the naive ways of counting a subtree. Runs without Spring: it is a
 * client of the app, like a browser, and shares no code with it. See bench/README.md.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        try {
            new BenchRun(options, System.out).run();
        } catch (BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }
}
