namespace CertBot.Knowledge;
