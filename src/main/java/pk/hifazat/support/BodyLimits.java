package pk.hifazat.support;

import jakarta.validation.constraints.NotNull;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body each door accepts ({@code hifazat.limits}, part of
 * {@link SupportSettings}); larger ones are answered 413 before they are read.
 *
 * @param variables a task form's or a process's variables, and any other engine REST or webapp
 *     API call: what an officer types into a form is a few KB
 * @param files a file stored as a variable ({@code /variables/{name}/data}), a task attachment
 *     or a case's document
 * @param deployments a whole pathway (its models and forms) deployed through any door
 * @param api a call to our own API (a report, an identity with its photo)
 */
public record BodyLimits(@NotNull DataSize variables, @NotNull DataSize files,
    @NotNull DataSize deployments, @NotNull DataSize api) {}
