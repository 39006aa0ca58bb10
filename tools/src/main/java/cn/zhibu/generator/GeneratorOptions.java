package cn.zhibu.generator;

import java.util.List;

/**
 * Options of {@code generate}: {@code --members N} (required), {@code --seed S}, {@code --password P} and
 * {@code --replace}; values as {@code --name=value} or {@code --name value}. Other arguments (Spring properties
 * such as {@code --zhibu.embedded-db.data-dir=…}) are left to Spring.
 */
public record GeneratorOptions(int members, long seed, String password, boolean replace) {

    public static final long DEFAULT_SEED = 20261123L;
    public static final String DEFAULT_PASSWORD = "Zhibu@2026";
    public static final int MIN_MEMBERS = 1_000;
    public static final int MAX_MEMBERS = 20_000_000;

    private static final List<String> VALUED = List.of("members", "seed", "password");

    public GeneratorOptions {
        if (members < MIN_MEMBERS || members > MAX_MEMBERS) {
            throw new GenerationRefused(String.format("党员人数应在 %,d 至 %,d 之间，收到 %,d", MIN_MEMBERS, MAX_MEMBERS,
                    members));
        }
        if (password == null || password.isBlank()) {
            throw new GenerationRefused("--password 不能为空");
        }
    }

    public static GeneratorOptions parse(String... args) {
        String members = null;
        String seed = null;
        String password = null;
        boolean replace = false;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                continue;
            }
            String arg = args[i].substring(2);
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq >= 0 ? arg.substring(eq + 1)
                    : VALUED.contains(name) && i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : null;
            switch (name) {
                case "members" -> members = value;
                case "seed" -> seed = value;
                case "password" -> password = value;
                case "replace" -> replace = value == null || Boolean.parseBoolean(value);
                default -> {
                    // a Spring property
                }
            }
        }
        if (members == null) {
            throw new GenerationRefused("请用 --members 指定党员人数，例如：generate --members 5000000");
        }
        long memberCount = number(members, "--members");
        if (memberCount > MAX_MEMBERS) {
            throw new GenerationRefused(String.format("党员人数最多 %,d，收到 %s", MAX_MEMBERS, members));
        }
        return new GeneratorOptions((int) memberCount, seed == null ? DEFAULT_SEED : number(seed, "--seed"),
                password == null ? DEFAULT_PASSWORD : password, replace);
    }

    /** Digits, optionally grouped with _ or , (5_000_000). */
    private static long number(String value, String option) {
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new GenerationRefused(option + " 应为整数，收到“" + value + "”");
        }
    }
}
