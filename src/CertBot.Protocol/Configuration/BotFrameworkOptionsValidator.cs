using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Configuration;

/// <summary>Fails start-up with a readable message when the Bot Framework settings cannot work.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.IsLocalMode)
        {
            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty, so the bot would run unauthenticated in local mode: "
                             + "set MicrosoftAppId to the app registration's Application (client) ID, or remove the password.");
            }
        }
        else
        {
            CheckCredentials(options, failures);
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

        if (options.TurnTimeout <= TimeSpan.Zero)
        {
            failures.Add("BotFramework:TurnTimeout must be positive (the channel gives up after 15 s).");
        }

        if (options.TurnReserve < TimeSpan.Zero || options.TurnReserve >= options.TurnTimeout)
        {
            failures.Add("BotFramework:TurnReserve must be at least 0 and shorter than BotFramework:TurnTimeout.");
        }

        if (options.DeduplicationClaimTimeout > TimeSpan.Zero && options.DeduplicationClaimTimeout <= options.TurnTimeout)
        {
            // A claim that lapses while its turn may still run would let a redelivery run the same activity twice.
            failures.Add("BotFramework:DeduplicationClaimTimeout must be longer than BotFramework:TurnTimeout.");
        }

        if (options.DeduplicationWriteTimeout <= TimeSpan.Zero || options.DeduplicationWriteTimeout + options.TurnReserve >= options.TurnTimeout)
        {
            // The turn runs in what the record write and the reserve leave of the request's budget.
            failures.Add("BotFramework:DeduplicationWriteTimeout must be positive, and with BotFramework:TurnReserve shorter than BotFramework:TurnTimeout.");
        }

        foreach (var (value, key) in new[]
                 {
                     (options.ConnectorTimeout, "ConnectorTimeout"), (options.TokenTimeout, "TokenTimeout"),
                     (options.MetadataTimeout, "MetadataTimeout"), (options.SigningKeysRefreshInterval, "SigningKeysRefreshInterval"),
                     (options.SigningKeysMaxAge, "SigningKeysMaxAge"), (options.HealthCheckTimeout, "HealthCheckTimeout"),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"BotFramework:{key} must be positive.");
            }
        }

        if (options.MaxIdentifierLength is < 64 or > 65_536)
        {
            failures.Add("BotFramework:MaxIdentifierLength must be between 64 and 65536.");
        }

        if (string.IsNullOrWhiteSpace(options.ErrorMessage))
        {
            failures.Add("BotFramework:ErrorMessage must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The three mistakes operators make most with a Teams bot's app registration, each named with where the right value is.
    private static void CheckCredentials(BotFrameworkOptions options, List<string> failures)
    {
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add(options.MicrosoftAppType == BotAppType.UserAssignedMSI
                ? "MicrosoftAppId is not a GUID: for UserAssignedMSI it is the managed identity's Client ID (Azure portal: the identity's Overview)."
                : "MicrosoftAppId is not a GUID: use the Application (client) ID from the app registration's Overview "
                  + "(Azure portal: Microsoft Entra ID > App registrations > your bot), also shown on the Azure Bot resource's Configuration page.");
        }

        if (options.MicrosoftAppType is BotAppType.MultiTenant or BotAppType.SingleTenant)
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add($"MicrosoftAppPassword is required when MicrosoftAppType is {options.MicrosoftAppType} and MicrosoftAppId is set.");
            }
            else if (Guid.TryParse(options.MicrosoftAppPassword, out _))
            {
                // Entra shows a new secret as two columns, Value and Secret ID; only the Value authenticates, and only once.
                failures.Add("MicrosoftAppPassword is a GUID, which is the client secret's Secret ID, not its Value: paste the Value shown "
                             + "when the secret was created (App registrations > your bot > Certificates & secrets; create a new secret if it is no longer shown).");
            }
        }

        if (options.MicrosoftAppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant: use the Directory (tenant) ID from the app registration's Overview.");
        }
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
