using CertBot.Dialogs.Definition;
using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests;

/// <summary>The real dialogs/profile.dialog.en.yaml, loaded once: building the recognizer model costs a few hundred ms.</summary>
public sealed class ProfileFixture
{
    public ProfileFixture()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Definition = DialogDefinitionLoader.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "profile.dialog.en.yaml"));
        Extractor = new SlotExtractor(Definition);
        Dialog = new ProfileDialog(Definition, Extractor);
        SetupMilliseconds = watch.ElapsedMilliseconds;
    }

    public DialogDefinition Definition { get; }

    public SlotExtractor Extractor { get; }

    public ProfileDialog Dialog { get; }

    public long SetupMilliseconds { get; }
}

[CollectionDefinition(Name)]
public sealed class ProfileDialogGroup : ICollectionFixture<ProfileFixture>
{
    public const string Name = "profile dialog";
}
