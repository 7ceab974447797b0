namespace CertBot.Dialogs;
