using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CertBot.Hosting;

/// <summary>
/// Loads the <c>appsettings.json</c> that ships next to the binary (the logging levels that keep ids out of framework
/// lines) as the lowest-precedence source. The content root is the folder the bot runs from, which with
/// <c>dotnet run</c> is the checkout, not the binary's folder, so the default loader would not find it.
/// </summary>
public static class ShippedSettings
{
    public const string FileName = "appsettings.json";

    public static ConfigurationManager AddCertBotShippedSettings(this ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var shipped = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        ((IConfigurationBuilder)configuration).Sources.Insert(0, shipped);
        return configuration;
    }
}
