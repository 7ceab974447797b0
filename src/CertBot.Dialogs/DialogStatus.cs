namespace CertBot.Dialogs;

/// <summary>Where the profile dialog is.</summary>
public enum DialogStatus
{
    /// <summary>Not running.</summary>
    Idle,

    /// <summary>Asking questions; <see cref="DialogState.PendingSlot"/> is the open one.</summary>
    Active,

    /// <summary>Every relevant slot has a value.</summary>
    Complete,
}
