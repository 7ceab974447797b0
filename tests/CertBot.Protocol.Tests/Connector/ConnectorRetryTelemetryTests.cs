using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Protocol.Tests.Connector;

/// <summary>Retries of Connector calls show up in the certbot.connector.retries counter, tagged with the status that caused them.</summary>
public sealed class ConnectorRetryTelemetryTests
{
    [Fact]
    public async Task SendToConversationAsync_TwoTransientFailures_CountsTwoRetries()
    {
        await using var host = await BotHost.StartAsync();
        host.Services.GetRequiredService<TrustedServiceUrls>().TrustValidated(host.ServiceUrl);
        var meter = host.Services.GetRequiredService<CertBotTelemetry>().Meter;
        var retries = new ConcurrentQueue<object?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "certbot.connector.retries")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                retries.Enqueue(tag.Value);
            }
        });
        listener.Start();
        host.Channel.ScriptConnector(host.Scope, (503, null), (429, "0"));

        await host.Services.GetRequiredService<ConnectorClient>()
            .SendToConversationAsync(new Uri(host.ServiceUrl), "a:1", new Activity { Type = "message", Text = "a" });

        Assert.Equal([503, 429], retries.ToArray());
        Assert.Equal(3, host.ConnectorRequests.Count);
    }
}
