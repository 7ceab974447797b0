using System.Net;

namespace SideBySide;

/// <summary>
/// The ceiling: what ASP.NET Core on this machine costs for a request that reads the activity and writes a small
/// expectReplies body, with no bot behind it. No bot can be faster over the same HTTP path.
/// </summary>
internal static class Ceiling
{
    private static readonly byte[] Reply = """{"activities":[{"type":"message","text":"ok"}]}"""u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(Arguments.Value(args, "--port") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/api/messages", static async context =>
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Reply.Length;
            await context.Response.Body.WriteAsync(Reply, context.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }
}
