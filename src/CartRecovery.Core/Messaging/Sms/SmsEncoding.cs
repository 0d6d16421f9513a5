namespace CartRecovery.Core.Messaging.Sms;

/// <summary>How an SMS is encoded on the air: GSM 03.38 7-bit when every character is in its tables, else UCS-2.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
