namespace CertBot.Cards;
