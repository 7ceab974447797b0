using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using CertBot.Dialogs;
using CertBot.Hosting;

namespace CertBot.Conversation;

/// <summary>
/// The semantic fallback for job titles the dialog's vocabulary does not list ("I tune ranking models for a marketplace"):
/// the clause that describes the person is compared with a few labelled self-descriptions per role from the turn's
/// profile dialog (<c>prototypes:</c> in profile.dialog.{locale}.yaml; a locale's choices merge over English's, so a
/// choice it gives no prototypes keeps the English ones). A role is inferred only when the nearest prototype is
/// similar enough and clearly ahead of the best prototype of any other role; otherwise the dialog asks.
/// </summary>
public sealed partial class SemanticRoleClassifier : IDisposable
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly RoleInferenceOptions _options;
    private readonly ILogger<SemanticRoleClassifier> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task<RolePrototypes?> _english;
    private readonly Dictionary<ProfileDialog, Task<RolePrototypes?>> _byDialog = new(ReferenceEqualityComparer.Instance);
    private readonly Task _all;

    public SemanticRoleClassifier(
        Catalogues catalogues,
        IOptions<CertBotOptions> options,
        ILogger<SemanticRoleClassifier> logger,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.RoleInference;
        _logger = logger;
        _generator = _options.Enabled ? generator : null;

        // One set of vectors per distinct list of prototypes: locales whose dialog keeps English's share its vectors.
        // English is embedded on its own, exactly as before there were other sets, so its vectors do not change.
        var built = new List<((string Role, string Text)[] Labelled, Task<RolePrototypes?> Vectors)>();
        foreach (var dialog in catalogues.Dialogs)
        {
            var labelled = Labelled(dialog);
            // A dialog with no prototypes at all reads with English's, the first set built.
            var index = labelled.Length == 0 && built.Count > 0 ? 0 : built.FindIndex(b => b.Labelled.SequenceEqual(labelled));
            if (index < 0)
            {
                built.Add((labelled, Start(labelled)));
                index = built.Count - 1;
            }

            _byDialog[dialog] = built[index].Vectors;
        }

        _english = _byDialog[catalogues.Default.Dialog];
        _all = Task.WhenAll(built.Select(b => b.Vectors));
    }

    /// <summary>Completes when every locale's prototype vectors are ready, or when there will be none.</summary>
    public Task WhenReady => _all;

    /// <summary>True when role inference is configured (an embedding model and prototypes).</summary>
    public bool IsEnabled => _generator is not null;

    /// <summary>True once every locale's prototype vectors are ready.</summary>
    public bool IsReady => _byDialog.Values.All(v => v.IsCompletedSuccessfully && v.Result is not null);

    /// <summary>The role the clause describes by the prototypes of <paramref name="dialog"/>'s locale, or null when unsure or not ready.</summary>
    public ValueTask<string?> ClassifyAsync(ProfileDialog dialog, string clause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return ClassifyAsync(_byDialog.GetValueOrDefault(dialog, _english), clause, cancellationToken);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private static (string Role, string Text)[] Labelled(ProfileDialog dialog) =>
        dialog.Definition.FindSlot(LearnerProfileMapping.RoleSlot)?.Choices.SelectMany(c => c.Prototypes.Select(p => (c.Value, p))).ToArray() ?? [];

    private Task<RolePrototypes?> Start((string Role, string Text)[] labelled) =>
        // Off the request path: the model may still be loading; until the vectors exist no role is inferred.
        _generator is null || labelled.Length == 0
            ? Task.FromResult<RolePrototypes?>(null)
            : Task.Run(() => BuildAsync(_generator, labelled, _stopping.Token));

    private async ValueTask<string?> ClassifyAsync(Task<RolePrototypes?> vectors, string clause, CancellationToken cancellationToken)
    {
        if (_generator is null || string.IsNullOrWhiteSpace(clause) || !vectors.IsCompletedSuccessfully || vectors.Result is not { } prototypes)
        {
            return null;
        }

        var embedding = await _generator.GenerateAsync([clause], cancellationToken: cancellationToken).ConfigureAwait(false);
        var (role, similarity, runnerUp) = prototypes.Nearest(embedding[0].Vector.Span);
        return role is not null && similarity >= _options.Threshold && similarity - runnerUp >= _options.Margin ? role : null;
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
