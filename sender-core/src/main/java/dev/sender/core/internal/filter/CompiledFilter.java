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
        List<List<String>> paths = new ArrayList<>();
        Matcher matcher = new Compiler(registry, paths).compile(filter);
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
            paths.forEach(registry::release);
        }
    }

    private record Compiler(FieldRegistry registry, List<List<String>> paths) {

        Matcher compile(Filter filter) {
            if (filter instanceof Filter.Any) {
                return Matcher.ALWAYS;
            } else if (filter instanceof Filter.In in) {
                return new InMatcher(slots(in.field()), in.values());
            } else if (filter instanceof Filter.ContainsAll all) {
                return new ContainsAllMatcher(slots(all.field()), all.values());
            } else if (filter instanceof Filter.Range range) {
                return new RangeMatcher(slots(range.field()), range);
            } else if (filter instanceof Filter.Like like) {
                return new LikeMatcher(slots(like.field()), like.substring());
            } else if (filter instanceof Filter.Present present) {
                return new PresentMatcher(slots(present.field()), present.type());
            } else if (filter instanceof Filter.GeoBox geo) {
                return new GeoBoxMatcher(slot(geo.longitude()), slot(geo.latitude()), geo);
            } else if (filter instanceof Filter.And and) {
                Matcher[] operands = and.filters().stream().map(this::compile).toArray(Matcher[]::new);
                return view -> {
                    for (Matcher m : operands) {
                        if (!m.matches(view)) {
                            return false;
                        }
                    }
                    return true;
                };
            } else if (filter instanceof Filter.Or or) {
                Matcher[] operands = or.filters().stream().map(this::compile).toArray(Matcher[]::new);
                return view -> {
                    for (Matcher m : operands) {
                        if (m.matches(view)) {
                            return true;
                        }
                    }
                    return false;
                };
            } else {
                Matcher operand = compile(((Filter.Not) filter).filter());
                return view -> !operand.matches(view);
            }
        }

        /** The slots of the field and of each fallback after it, in reading order. */
        private FieldMatcher.Slots slots(Field field) {
            List<Integer> slots = new ArrayList<>();
            List<Boolean> max = new ArrayList<>();
            for (Field f = field; f != null; f = f.fallback()) {
                slots.add(slot(f));
                max.add(f.maxOnly());
            }
            boolean[] maxArray = new boolean[max.size()];
            for (int i = 0; i < maxArray.length; i++) {
                maxArray[i] = max.get(i);
            }
            return new FieldMatcher.Slots(slots.stream().mapToInt(Integer::intValue).toArray(), maxArray);
        }

        private int slot(Field field) {
            paths.add(field.path());
            return registry.acquire(field.path());
        }
    }
}
