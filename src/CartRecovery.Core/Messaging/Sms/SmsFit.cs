namespace CartRecovery.Core.Messaging.Sms;

/// <summary>An SMS ready to send: its final text, its size, and whether the body had to be shortened to fit.</summary>
public sealed record SmsFit(string Text, SmsSegmentCount Count, bool Shortened);
