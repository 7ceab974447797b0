using CertBot.Protocol.Configuration;
using CertBot.Protocol.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.Configuration;

public sealed class BotFrameworkOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCertBotProtocol(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddCertBotProtocol_BindsRootKeysAndSection()
    {
        var options = Build(new()
        {
            ["MicrosoftAppType"] = "singletenant",
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "pw",
            ["MicrosoftAppTenantId"] = "tenant",
            ["BotFramework:MaxRequestBodyBytes"] = "1000",
            ["BotFramework:AllowedTenantIds:0"] = "t1",
            ["BotFramework:TrustedServiceUrlHosts:0"] = "bots.example.com",
        }).GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        Assert.Equal(BotAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal(("app", "pw", "tenant"), (options.MicrosoftAppId, options.MicrosoftAppPassword, options.MicrosoftAppTenantId));
        Assert.Equal(1000, options.MaxRequestBodyBytes);
        Assert.Equal(["t1"], options.AllowedTenantIds);
        Assert.Contains("bots.example.com", options.TrustedServiceUrlHosts);
        Assert.Contains("smba.trafficmanager.net", options.TrustedServiceUrlHosts);
        Assert.False(options.IsLocalMode);
    }

    [Fact]
    public void Defaults_NoAppId_IsLocalModeWithSpecValues()
    {
        var options = Build([]).GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        Assert.True(options.IsLocalMode);
        Assert.Equal(262_144, options.MaxRequestBodyBytes);
        Assert.Equal("/api/messages", options.MessagesPath);
        Assert.Equal("Sorry, something went wrong on my side. Please try again.", options.ErrorMessage);
        Assert.Equal(80 * 1024, options.MaxOutgoingActivityBytes);
    }

    [Theory]
    [InlineData("SingleTenant", "pw", null, "MicrosoftAppTenantId is required")]
    [InlineData("MultiTenant", null, null, "MicrosoftAppPassword is required")]
    [InlineData("SingleTenant", null, "t", "MicrosoftAppPassword is required")]
    public void Validate_IncompleteCredentials_FailsWithClearMessage(string type, string? password, string? tenant, string expected)
    {
        var services = Build(new()
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserAssignedMsiWithoutPassword_Succeeds()
    {
        var options = Build(new() { ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppId"] = "app" })
            .GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        Assert.Equal(BotAppType.UserAssignedMSI, options.MicrosoftAppType);
    }

    [Theory]
    [InlineData("BotFramework:OpenIdMetadataUrl", "http://insecure.example/meta")]
    [InlineData("BotFramework:MessagesPath", "api/messages")]
    [InlineData("MicrosoftAppType", "Federated")]
    public void Validate_BadSetting_Fails(string key, string value)
    {
        var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
    }
}
