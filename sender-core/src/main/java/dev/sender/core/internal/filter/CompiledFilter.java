package dev.sender.core.internal.filter;

import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter compiled against a {@link FieldRegistry}: its matcher, and the paths it holds in the registry
 * until {@link #release()}.
 */
public final class CompiledFilter {

    private final Matcher matcher;
    private final FieldRegistry registry;
    private final List<List<String>> paths;
    private boolean released;

    private CompiledFilter(Matcher matcher, FieldRegistry registry, List<List<String>> paths) {
        this.matcher = matcher;
        this.registry = registry;
        this.paths = paths;
    }

    /** Compiles {@code filter}, registering every path it reads in {@code registry}. */
    public static CompiledFilter compile(Filter filter, FieldRegistry registry) {
        List<List<String>> paths = new ArrayList<>(2);
        Matcher matcher = compile(filter, registry, paths);
        return new CompiledFilter(matcher, registry, paths);
    }

    /** The matcher; {@link Matcher#ALWAYS} when the filter reads nothing. */
    public Matcher matcher() {
        return matcher;
    }

    /** Gives back the paths to the registry; idempotent. */
    public synchronized void release() {
        if (!released) {
            released = true;
            for (List<String> path : paths) {
                registry.release(path);
            }
        }
    }

    // Plain loops, no streams: a subscription compiles its filter, and subscribing is on the churn path.
    private static Matcher compile(Filter filter, FieldRegistry registry, List<List<String>> paths) {
        if (filter instanceof Filter.Any) {
            return Matcher.ALWAYS;
        } else if (filter instanceof Filter.In in) {
            return new InMatcher(slots(in.field(), registry, paths), in.values());
        } else if (filter instanceof Filter.ContainsAll all) {
            return new ContainsAllMatcher(slots(all.field(), registry, paths), all.values());
        } else if (filter instanceof Filter.Range range) {
            return new RangeMatcher(slots(range.field(), registry, paths), range);
        } else if (filter instanceof Filter.Like like) {
            return new LikeMatcher(slots(like.field(), registry, paths), like.substring());
        } else if (filter instanceof Filter.Present present) {
            return new PresentMatcher(slots(present.field(), registry, paths), present.type());
        } else if (filter instanceof Filter.GeoBox geo) {
            return new GeoBoxMatcher(slot(geo.longitude(), registry, paths), slot(geo.latitude(), registry, paths),
                    geo);
        } else if (filter instanceof Filter.And and) {
            Matcher[] operands = compileAll(and.filters(), registry, paths);
            return view -> {
                for (Matcher m : operands) {
                    if (!m.matches(view)) {
                        return false;
                    }
                }
                return true;
            };
        } else if (filter instanceof Filter.Or or) {
            Matcher[] operands = compileAll(or.filters(), registry, paths);
            return view -> {
                for (Matcher m : operands) {
                    if (m.matches(view)) {
                        return true;
                    }
                }
                return false;
            };
        } else {
            Matcher operand = compile(((Filter.Not) filter).filter(), registry, paths);
            return view -> !operand.matches(view);
        }
    }

    private static Matcher[] compileAll(List<Filter> filters, FieldRegistry registry, List<List<String>> paths) {
        Matcher[] operands = new Matcher[filters.size()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = compile(filters.get(i), registry, paths);
        }
        return operands;
    }

    /** The slots of the field and of each fallback after it, in reading order. */
    private static FieldMatcher.Slots slots(Field field, FieldRegistry registry, List<List<String>> paths) {
        int count = 0;
        for (Field f = field; f != null; f = f.fallback()) {
            count++;
        }
        int[] slots = new int[count];
        boolean[] max = new boolean[count];
        int i = 0;
        for (Field f = field; f != null; f = f.fallback(), i++) {
            slots[i] = slot(f, registry, paths);
            max[i] = f.maxOnly();
        }
        return new FieldMatcher.Slots(slots, max);
    }

    private static int slot(Field field, FieldRegistry registry, List<List<String>> paths) {
        paths.add(field.path());
        return registry.acquire(field.path());
    }
}
