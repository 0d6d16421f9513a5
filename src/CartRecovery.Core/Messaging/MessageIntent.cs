namespace CartRecovery.Core.Messaging;

/// <summary>What a step's message is trying to do; templates and AI prompts are chosen by it.</summary>
public enum MessageIntent
{
    HelpfulReminder,
    SocialProof,
    Scarcity,
    FinalOffer,
}
