using CertBot.Protocol.Configuration;
using CertBot.Protocol.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.Configuration;

public sealed class BotFrameworkOptionsTests
{
    private const string AppId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

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
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "pw",
            ["MicrosoftAppTenantId"] = "tenant",
            ["BotFramework:MaxRequestBodyBytes"] = "1000",
            ["BotFramework:AllowedTenantIds:0"] = "t1",
            ["BotFramework:TrustedServiceUrlHosts:0"] = "bots.example.com",
        }).GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        Assert.Equal(BotAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal((AppId, "pw", "tenant"), (options.MicrosoftAppId, options.MicrosoftAppPassword, options.MicrosoftAppTenantId));
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
        Assert.Equal(TimeSpan.FromSeconds(1), options.DeduplicationWriteTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.HealthCheckTimeout);
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
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAppType_IsSingleTenantAndAsksForTheTenantId()
    {
        var services = Build(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "s3cr~et" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        Assert.Contains("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MultiTenant", "not-a-guid", "s3cr~et", null, "MicrosoftAppId is not a GUID: use the Application (client) ID")]
    [InlineData("UserAssignedMSI", "my-identity", null, null, "MicrosoftAppId is not a GUID: for UserAssignedMSI it is the managed identity's Client ID")]
    [InlineData("MultiTenant", AppId, "0b7a4f2e-1c3d-4e5f-9a8b-7c6d5e4f3a2b", null, "client secret's Secret ID, not its Value")]
    [InlineData("SingleTenant", AppId, "{0b7a4f2e-1c3d-4e5f-9a8b-7c6d5e4f3a2b}", "t", "client secret's Secret ID, not its Value")]
    [InlineData("SingleTenant", AppId, "s3cr~et", "", "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant: use the Directory (tenant) ID")]
    [InlineData("MultiTenant", "", "s3cr~et", null, "MicrosoftAppPassword is set but MicrosoftAppId is empty")]
    public void Validate_CommonRegistrationMistakes_SaysWhereTheRightValueIs(string type, string appId, string? password, string? tenant, string expected)
    {
        var services = Build(new()
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        var failure = Assert.Single(error.Failures);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        if (password is not null)
        {
            Assert.DoesNotContain(password, failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_UserAssignedMsiWithoutPassword_Succeeds()
    {
        var options = Build(new() { ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppId"] = AppId })
            .GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        Assert.Equal(BotAppType.UserAssignedMSI, options.MicrosoftAppType);
    }

    [Theory]
    [InlineData("BotFramework:OpenIdMetadataUrl", "http://insecure.example/meta")]
    [InlineData("BotFramework:MessagesPath", "api/messages")]
    [InlineData("MicrosoftAppType", "Federated")]
    [InlineData("BotFramework:DeduplicationClaimTimeout", "00:00:10")]
    [InlineData("BotFramework:DeduplicationWriteTimeout", "00:00:00")]
    [InlineData("BotFramework:DeduplicationWriteTimeout", "00:00:08")]
    [InlineData("BotFramework:HealthCheckTimeout", "00:00:00")]
    public void Validate_BadSetting_Fails(string key, string value)
    {
        var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
    }
}
