using System.Text.Json;

namespace CertBot.Protocol.Hosting;

/// <summary>The synchronous answer to an <c>invoke</c> activity: HTTP status and JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
