package org.shardprep.shell.describe;

import java.util.List;

/**
 * The describe commands that print one catalog query under a title, as psql 15's exec_command_d dispatches
 * them: \dA[cfop][+], \dP[itn+], \do[S+], \dT[S+], \dp and \z, \ddp and \dconfig[+]. ({@code \df}, which shares
 * its argument-type patterns with \do, stays with the other function commands in {@link DescribeQueries}.)
 */
final class CatalogListings {

    /** A query and the title psql prints its result under. */
    record Listing(String title, String sql) {
    }

    private CatalogListings() {
    }

    /**
     * How many of the arguments the command reads. Once there is a first pattern, psql reads a second for
     * \dAc \dAf \dAo \dAp, and every further argument as an argument type for \df and \do; anything else
     * is left over, and warned about as an extra argument.
     */
    static int argumentsRead(String name, List<String> args) {
        if (args.isEmpty()) return 0;
        if (name.startsWith("dA") && name.length() > 2 && name.charAt(2) != '+') return Math.min(2, args.size());
        if (name.startsWith("df") || name.startsWith("do")) return args.size();
        return 1;
    }

    /**
     * The listing for the command, or null when it is not one of these.
     *
     * @param more the patterns read after the first (see {@link #argumentsRead})
     */
    static Listing of(String name, String pattern, List<String> more, String database, int serverVersion)
            throws DescribeException {
        boolean verbose = name.indexOf('+') >= 0;
        boolean system = name.indexOf('S') >= 0;
        String second = more.isEmpty() ? null : more.get(0);
        if (name.equals("z") || name.startsWith("dp")) {
            return new Listing("Access privileges", new PrivilegeQueries(database).relations(pattern));
        }
        if (name.startsWith("ddp")) {
            return new Listing("Default access privileges", new PrivilegeQueries(database).defaults(pattern));
        }
        if (name.startsWith("dconfig")) {
            return new Listing(SettingQueries.title(pattern),
                    SettingQueries.settings(pattern, verbose, serverVersion, database));
        }
        if (name.startsWith("dT")) {
            return new Listing("List of data types", new TypeQueries(database).types(pattern, verbose, system));
        }
        if (name.startsWith("do")) {
            return new Listing("List of operators", new OperatorQueries(database).operators(pattern, more, verbose, system));
        }
        if (name.startsWith("dP")) {
            return new PartitionQueries(database).partitioned(name.substring(2), pattern, verbose);
        }
        if (name.startsWith("dA")) {
            AccessMethodQueries queries = new AccessMethodQueries(database);
            char which = name.length() > 2 ? name.charAt(2) : '\0';
            return switch (which) {
                case 'c' -> new Listing("List of operator classes", queries.operatorClasses(pattern, second, verbose));
                case 'f' -> new Listing("List of operator families", queries.operatorFamilies(pattern, second, verbose));
                case 'o' -> new Listing("List of operators of operator families",
                        queries.familyOperators(pattern, second, verbose));
                case 'p' -> new Listing("List of support functions of operator families",
                        queries.familyFunctions(pattern, second, verbose));
                default -> new Listing("List of access methods", queries.accessMethods(pattern, verbose));
            };
        }
        return null;
    }
}
