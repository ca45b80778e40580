package org.shardprep.walkthrough;

import org.shardprep.dataset.ExerciseCounts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Tailspin Toys exercise as a lesson, top to bottom: eleven steps, each with what it is for, the commands
 * and its checkpoint. The scale sizes the data set and, with it, the orders each create_orders call writes
 * (the exercise's 20,000 at scale 1), so that a small run still shows the difference the keys make.
 */
public final class Lesson {

    /** The timing labels of the two create_orders calls the lesson compares. */
    public static final String BEFORE = "before", AFTER = "after";
    /** The scheduled order load's job name, as the exercise names it. */
    public static final String ORDER_JOB = "create_orders";

    private static final int FULL_ORDERS = 20_000, MIN_ORDERS = 200;
    /**
     * Below this scale the tables are too small for the keys to change create_orders' time: before and after
     * differ by noise (a run at 0.01 once showed "after took 2.50x the time of before"), so no ratio is given.
     */
    public static final double EFFECT_SCALE = 0.5;

    private final double scale;
    private final String scaleText;
    private final int orders;
    private final List<Step> steps;

    private Lesson(double scale) {
        this.scale = scale;
        this.scaleText = BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
        this.orders = ordersFor(scale);
        this.steps = buildSteps();
    }

    /** The lesson on the data set of this scale (1 = the exercise's size); refuses a scale load-all would refuse. */
    public static Lesson forScale(double scale) {
        ExerciseCounts.forScale(scale);   // throws IllegalArgumentException with load-all's wording
        return new Lesson(scale);
    }

    /** Orders per create_orders call: 20,000 × scale, but at least 200 so that the times mean something. */
    public static int ordersFor(double scale) {
        return (int) Math.max(MIN_ORDERS, Math.round(FULL_ORDERS * scale));
    }

    private List<Step> buildSteps() {
        String call = "SELECT create_orders(" + orders + ");";
        String schedule = "SELECT cron.schedule('" + ORDER_JOB + "', '*/1 * * * *', '" + call + "');";
        ExerciseCounts counts = ExerciseCounts.forScale(scale);
        return List.of(
                new Step("load", "Create the tables and load the data", """
                        Tailspin Toys keeps every store, its tenant, in one database: four tables hold stores, their \
                        products, orders and the orders' line items. load-all creates the tables as the company wrote \
                        them and loads a data set of the exercise's shape (at scale %s: %d stores, %d products, %d \
                        orders, %d line items). It copies the files in parallel into tables without keys and adds the \
                        keys afterwards, so it is quick, and it is all or nothing. --fresh --yes replaces the four tables \
                        if they are there already."""
                        .formatted(scaleText, counts.stores(), counts.products(), counts.orders(), counts.lineItems()),
                        List.of("load-all --scale " + scaleText + " --fresh --yes"),
                        new LoadedTables(scaleText, counts), Step.Trace.LASTING),

                new Step("pg-cron", "Look for pg_cron", """
                        From now on an order load runs on a timer while the tables change under it. On Azure the timer \
                        is pg_cron, an extension that runs SQL on a cron schedule inside the server, so look at the \
                        installed extensions. Where pg_cron is missing (the embedded server has none), shardprep answers \
                        the same cron.schedule calls from a scheduler of its own, on the client.""",
                        List.of("SELECT oid, extname, extversion FROM pg_extension;"),
                        new PgCronPresence(), Step.Trace.NONE),

                new Step("time-before", "Install create_orders and time it", """
                        create_orders(n) stands in for the application: it writes n orders of one to three line items, \
                        each order for a random store (every third one for store 5) and each line item a random product \
                        of that store. Install it and time one call of %d orders. The time is labelled "%s"; the \
                        same call is timed again once the keys include store_id, and the two are compared at the end."""
                        .formatted(orders, BEFORE),
                        List.of("simulate-orders install --version 1", "\\timing on", call, "timing label " + BEFORE),
                        OrderFunction.runs(), Step.Trace.LASTING),

                new Step("schedule", "Keep an order load running", """
                        A change to a live database has to get along with the writes that keep coming. Schedule the \
                        same call to run every minute, as the exercise does with pg_cron; `jobs` and `job-runs` show \
                        the job and how its runs went.""",
                        List.of(schedule),
                        LoadJob.scheduled(ORDER_JOB, schedule), Step.Trace.BACKGROUND),

                new Step("backfill", "Add store_id to line_items and fill it", """
                        Citus will spread the tables over its nodes by store_id, so every table needs it. line_items \
                        only knows its order: add the column and copy each line item's store_id from its order. \
                        backfill start adds the column (a change to the catalog only) and fills it in the background, \
                        in batches along the key, each its own short transaction, so that the order load never waits \
                        long. The exercise does the same with a backfill_batch function that pg_cron runs every minute.""",
                        List.of("backfill start --table line_items --column store_id --from orders --on order_id"),
                        StoreIdBackfill.started(), Step.Trace.BACKGROUND),

                new Step("update-function", "Make the application write store_id", """
                        Rows the application writes from now on must carry store_id themselves, or the column would \
                        never be full. Replace create_orders with the version whose line items get their order's \
                        store_id; the scheduled job uses it from its next run on.""",
                        List.of("simulate-orders install --version 2"),
                        OrderFunction.writesStoreId(), Step.Trace.LASTING),

                new Step("verify-backfill", "Wait for the backfill to finish", """
                        Follow the backfill until no line item is left without a store_id, then count the NULLs the \
                        way the exercise does. shardprep's backfill stops by itself when the column is full; with the \
                        exercise's pg_cron job you would unschedule the job named backfill now.""",
                        List.of("backfill-status --watch", "SELECT count(*) FROM line_items WHERE store_id IS NULL;"),
                        StoreIdBackfill.finished(), Step.Trace.LASTING),

                new Step("swap-keys", "Put store_id into the keys", """
                        Citus can only enforce a primary key or unique key that contains the distribution column, so \
                        each key becomes (store_id, id), and line_items' foreign keys to orders and products go through \
                        store_id too. swap-pk run builds the new unique indexes concurrently, then swaps each key in a \
                        short transaction that gives up and tries again rather than queue in front of the order load's \
                        writes.""",
                        List.of("swap-pk run"),
                        DistributionKeys.swapped(), Step.Trace.LASTING),

                new Step("time-after", "Time create_orders again", """
                        Time the same call as before. create_orders looks up a store's products by store_id; the new \
                        keys give that lookup an index, and that, not distribution, is where the difference comes \
                        from. The time is labelled "%s"."""
                        .formatted(AFTER),
                        List.of(call, "timing label " + AFTER),
                        OrderFunction.writesStoreId(), Step.Trace.NONE),

                new Step("check-distribution", "Check the tables are ready for Citus", """
                        Ask whether the four tables could now be distributed by store_id: each unique key and each \
                        foreign key between them includes it, and no row lacks it. Distributing them is the next \
                        exercise.""",
                        List.of("check-distribution --column store_id"),
                        DistributionKeys.ready(), Step.Trace.NONE),

                new Step("unschedule", "Stop the order load", """
                        The tables are ready. Remove the order job so that it stops writing.""",
                        List.of("SELECT cron.unschedule('" + ORDER_JOB + "');"),
                        LoadJob.unscheduled(ORDER_JOB), Step.Trace.LASTING));
    }

    public double scale() { return scale; }

    /** Whether the data set is large enough for the before-and-after comparison to show the keys' effect. */
    public boolean showsTheEffect() { return scale >= EFFECT_SCALE; }

    /** The scale as typed in commands: 0.01, 1, 2.5. */
    public String scaleText() { return scaleText; }

    public int orders() { return orders; }

    public List<Step> steps() { return steps; }

    /** The step's position (0-based), or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(id)) return i;
        return -1;
    }

    public List<String> ids() {
        return steps.stream().map(Step::id).toList();
    }
}
