namespace CertBot.Protocol;
