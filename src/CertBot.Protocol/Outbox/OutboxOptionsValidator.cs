using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Outbox;

/// <summary>Fails start-up when the outbox settings cannot work.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (value, key) in new[]
                 {
                     (options.PollInterval, "PollInterval"), (options.RetryBaseDelay, "RetryBaseDelay"), (options.RetryMaxDelay, "RetryMaxDelay"),
                     (options.Lease, "Lease"), (options.DeliveryTimeout, "DeliveryTimeout"), (options.WriteTimeout, "WriteTimeout"),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{OutboxOptions.SectionName}:{key} must be positive.");
            }
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{OutboxOptions.SectionName}:RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (options.Lease <= options.DeliveryTimeout)
        {
            failures.Add($"{OutboxOptions.SectionName}:Lease must be longer than DeliveryTimeout, or two instances could send the same reply.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{OutboxOptions.SectionName}:MaxAttempts must be at least 1.");
        }

        if (options.MaxPending < 1)
        {
            failures.Add($"{OutboxOptions.SectionName}:MaxPending must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
