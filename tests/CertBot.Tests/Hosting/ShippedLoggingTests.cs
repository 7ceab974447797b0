using CertBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertBot.Tests.Hosting;

/// <summary>The logging configuration that ships with the app keeps framework lines that carry ids out of the log.</summary>
public sealed class ShippedLoggingTests
{
    [Theory]
    [InlineData("System.Net.Http.HttpClient.ConnectorClient.LogicalHandler")]
    [InlineData("System.Net.Http.HttpClient.CertBot.Msal.ClientHandler")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Polly")]
    public async Task Build_NoConfiguration_FrameworkCategoryLogsOnlyWarnings(string category)
    {
        await using var app = CertBotApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false"]);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task Build_NoConfiguration_BotCategoriesLogInformation()
    {
        await using var app = CertBotApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false"]);

        Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CertBot.Protocol.Hosting.CloudAdapter").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void ShippedFile_IsNextToTheBinary()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, ShippedSettings.FileName)));
    }
}
