using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.AzureBlob;

/// <summary>Checks the blob store settings at start-up, so a typo is one clear line, not a failed first turn.</summary>
internal sealed partial class AzureBlobStorageOptionsValidator : IValidateOptions<AzureBlobStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureBlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == options.HasServiceUri)
        {
            failures.Add("Set exactly one of Storage:AzureBlob:ConnectionString and Storage:AzureBlob:ServiceUri.");
        }

        if (options.HasServiceUri && options.ServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            failures.Add("Storage:AzureBlob:ServiceUri must be an absolute https URI (http only on loopback).");
        }

        if (!ContainerName().IsMatch(options.Container ?? ""))
        {
            failures.Add("Storage:AzureBlob:Container must be 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Storage:AzureBlob:RequestTimeout must be positive.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Storage:AzureBlob:MaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Azure's container naming rule.
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex ContainerName();
}
