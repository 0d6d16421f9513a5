namespace CartRecovery.Core.Messaging.Sms;

/// <summary>The size of a text as an SMS: its encoding, its length in that encoding's units (septets or UTF-16 code units) and the segments it takes.</summary>
public sealed record SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments);
