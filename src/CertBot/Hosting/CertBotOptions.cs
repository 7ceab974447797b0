namespace CertBot.Hosting;

/// <summary>Host settings (section <c>CertBot</c>): where the declarative content lives and Teams behaviour switches.</summary>
public sealed class CertBotOptions
{
    public const string SectionName = "CertBot";

    /// <summary>
    /// Folder holding the per-locale catalogues (messages.{locale}.yaml, profile.dialog.{locale}.yaml, English required);
    /// relative paths resolve against the current directory, then the app folder.
    /// </summary>
    public string DialogsPath { get; set; } = "dialogs";

    /// <summary>In group chats and channels, continue a recommendation interview in the person's personal chat when the bot can reach them.</summary>
    public bool MoveInterviewsToPersonalChat { get; set; } = true;

    /// <summary>Run a short scripted conversation through the bot before listening, so the first real turn is fast (see <see cref="TurnPipelineWarmup"/>).</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>The semantic fallback for job titles outside the dialog's vocabulary.</summary>
    public RoleInferenceOptions RoleInference { get; set; } = new();

    /// <summary>The dialogs folder that holds the English wording catalogue, preferring the working directory so edits in a checkout are used.</summary>
    public string ResolveDialogsFolder() =>
        Path.GetDirectoryName(ResolveDialogFile($"{Conversation.Catalogues.MessagesCatalogue}.{CatalogueLocale.Default}.yaml"))!;

    /// <summary>Resolves a file in the dialogs folder, preferring the working directory so edits in a checkout are used.</summary>
    public string ResolveDialogFile(string fileName)
    {
        var candidates = Path.IsPathRooted(DialogsPath)
            ? [Path.Combine(DialogsPath, fileName)]
            : new[]
            {
                Path.Combine(Directory.GetCurrentDirectory(), DialogsPath, fileName),
                Path.Combine(AppContext.BaseDirectory, DialogsPath, fileName),
            };
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }
}
