using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Configuration;

/// <summary>Fails start-up with a readable message when the Bot Framework settings cannot work.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IsLocalMode)
        {
            if (options.MicrosoftAppType is BotAppType.MultiTenant or BotAppType.SingleTenant
                && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add($"MicrosoftAppPassword is required when MicrosoftAppType is {options.MicrosoftAppType} and MicrosoftAppId is set.");
            }

            if (options.MicrosoftAppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
            }
        }

        if (!options.MessagesPath.StartsWith('/'))
        {
            failures.Add("BotFramework:MessagesPath must start with '/'.");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("BotFramework:MaxRequestBodyBytes must be positive.");
        }

        CheckUrl(options.OpenIdMetadataUrl, "BotFramework:OpenIdMetadataUrl", options.AllowInsecureMetadata, failures);
        CheckUrl(options.EmulatorOpenIdMetadataUrl, "BotFramework:EmulatorOpenIdMetadataUrl", options.AllowInsecureMetadata, failures);
        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("BotFramework:AuthorityHost must be an absolute https URL.");
        }

        if (options.ConnectorMaxRetries is < 0 or > 10)
        {
            failures.Add("BotFramework:ConnectorMaxRetries must be between 0 and 10.");
        }

        if (options.DeduplicationClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add("BotFramework:DeduplicationClaimTimeout must be positive.");
        }

        if (options.StateConflictRetries < 1)
        {
            failures.Add("BotFramework:StateConflictRetries must be at least 1.");
        }

        if (options.TurnAdmissionWait < TimeSpan.Zero)
        {
            failures.Add("BotFramework:TurnAdmissionWait must not be negative.");
        }

        if (options.StateConflictMaxDelay < TimeSpan.Zero)
        {
            failures.Add("BotFramework:StateConflictMaxDelay must not be negative.");
        }

        if (options.InvokeTimeout <= TimeSpan.Zero)
        {
            failures.Add("BotFramework:InvokeTimeout must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.ErrorMessage))
        {
            failures.Add("BotFramework:ErrorMessage must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string value, string key, bool allowHttp, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{key} must be an absolute https URL (http only with BotFramework:AllowInsecureMetadata).");
        }
    }
}
