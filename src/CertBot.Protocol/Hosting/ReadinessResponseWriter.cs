using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertBot.Protocol.Hosting;

/// <summary>The /readyz body: one line overall ("ready", "ready (degraded)", "not ready"), then one line per check, for operators.</summary>
public static class ReadinessResponseWriter
{
    /// <summary>The tag of the checks behind /readyz.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the checks behind /healthz (the process answers at all).</summary>
    public const string LiveTag = "live";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(report.Status switch
        {
            HealthStatus.Healthy => "ready",
            HealthStatus.Degraded => "ready (degraded)",
            _ => "not ready",
        });
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" - ").Append(entry.Description);
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
