using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace CertBot.Hosting;

/// <summary>
/// Adds operator-local settings: <c>appsettings.Local.json</c> (git-ignored) and user-secrets, with lower
/// precedence than environment variables and the command line, as in the Azure Bot Service templates.
/// </summary>
public static class LocalConfiguration
{
    public static ConfigurationManager AddCertBotLocalSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var sources = configuration.Sources;
        var index = sources.TakeWhile(source => source is not EnvironmentVariablesConfigurationSource).Count();
        var local = new JsonConfigurationSource { Path = "appsettings.Local.json", Optional = true, ReloadOnChange = false, FileProvider = environment.ContentRootFileProvider };
        sources.Insert(index, local);
        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(LocalConfiguration).Assembly, optional: true).Sources;
        foreach (var source in secrets)
        {
            sources.Insert(++index, source);
        }

        return configuration;
    }
}
