using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using CertBot.Dialogs;
using CertBot.Hosting;

namespace CertBot.Conversation;

/// <summary>
/// The semantic fallback for job titles the dialog's vocabulary does not list ("I tune ranking models for a marketplace"):
/// the clause that describes the person is compared with a few labelled self-descriptions per role from
/// profile.dialog.en.yaml. A role is inferred only when the nearest prototype is similar enough and clearly ahead of the
/// best prototype of any other role; otherwise the dialog asks.
/// </summary>
public sealed partial class SemanticRoleClassifier : IDisposable
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly RoleInferenceOptions _options;
    private readonly ILogger<SemanticRoleClassifier> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task<RolePrototypes?> _prototypes;

    public SemanticRoleClassifier(
        ProfileDialog dialog,
        IOptions<CertBotOptions> options,
        ILogger<SemanticRoleClassifier> logger,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.RoleInference;
        _logger = logger;
        _generator = _options.Enabled ? generator : null;
        var slot = dialog.Definition.FindSlot(LearnerProfileMapping.RoleSlot);
        var labelled = slot?.Choices.SelectMany(c => c.Prototypes.Select(p => (c.Value, Text: p))).ToArray() ?? [];
        // Off the request path: the model may still be loading; until the vectors exist no role is inferred.
        _prototypes = _generator is null || labelled.Length == 0
            ? Task.FromResult<RolePrototypes?>(null)
            : Task.Run(() => BuildAsync(_generator, labelled, _stopping.Token));
    }

    /// <summary>Completes when the prototype vectors are ready, or when there will be none.</summary>
    public Task WhenReady => _prototypes;

    /// <summary>True when role inference is configured (an embedding model and prototypes).</summary>
    public bool IsEnabled => _generator is not null;

    /// <summary>True once the prototype vectors are ready.</summary>
    public bool IsReady => _prototypes.IsCompletedSuccessfully && _prototypes.Result is not null;

    /// <summary>The role the clause describes, or null when unsure or not ready.</summary>
    public async ValueTask<string?> ClassifyAsync(string clause, CancellationToken cancellationToken)
    {
        if (_generator is null || string.IsNullOrWhiteSpace(clause) || !IsReady)
        {
            return null;
        }

        var prototypes = _prototypes.Result!;
        var embedding = await _generator.GenerateAsync([clause], cancellationToken: cancellationToken).ConfigureAwait(false);
        var (role, similarity, runnerUp) = prototypes.Nearest(embedding[0].Vector.Span);
        return role is not null && similarity >= _options.Threshold && similarity - runnerUp >= _options.Margin ? role : null;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task<RolePrototypes?> BuildAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        (string Role, string Text)[] labelled,
        CancellationToken cancellationToken)
    {
        try
        {
            var vectors = await generator.GenerateAsync(labelled.Select(l => l.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new RolePrototypes([.. labelled.Select(l => l.Role)], [.. vectors.Select(v => v.Vector.ToArray())]);
        }
        catch (OperationCanceledException)
        {
            // The host stopped before the model was loaded (its loading is cancelled with the host): nothing failed.
            return null;
        }
#pragma warning disable CA1031 // A model that fails to load leaves the lexical vocabulary in charge; it must not stop the bot.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPrototypesFailed(ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding the role prototypes failed; roles are read from the vocabulary only")]
    private partial void LogPrototypesFailed(Exception exception);
}
