using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Messaging.Contact;

/// <summary>
/// Who may be contacted on which channel, as far as the cart tells: email and SMS need an address in a form that can be sent
/// to and the shopper's marketing consent for that channel (the two are separate). The one place this rule lives: the decider
/// skips a step with these reasons before it runs, and the step executor asks again at send time (the cart it carries may
/// be newer). Popup and push are not decided here: the shopper's own visit and the browser's permission prompt are their
/// consent, and whether the shopper can be reached (a cart token, a subscription) is the channel's to find out.
/// </summary>
public static class ContactPolicy
{
    public static ContactCheck Check(CartSnapshot cart, Channel channel)
    {
        var contact = cart.Contact;
        return channel switch
        {
            Channel.Email => Email(contact),
            Channel.Sms => Sms(contact),
            Channel.Popup or Channel.Push => ContactCheck.Allowed(null),
            _ => ContactCheck.Skip($"unknown channel {channel}"),
        };
    }

    private static ContactCheck Email(ContactInfo contact)
    {
        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            return ContactCheck.Skip("no email address");
        }

        if (contact.EmailConsent != ConsentState.Subscribed)
        {
            return ContactCheck.Skip($"no email marketing consent ({contact.EmailConsent})");
        }

        return EmailAddresses.Normalize(contact.Email) is { } address
            ? ContactCheck.Allowed(address)
            : ContactCheck.Skip("the email address is not valid");
    }

    private static ContactCheck Sms(ContactInfo contact)
    {
        if (string.IsNullOrWhiteSpace(contact.Phone))
        {
            return ContactCheck.Skip("no phone number");
        }

        if (contact.SmsConsent != ConsentState.Subscribed)
        {
            return ContactCheck.Skip($"no SMS marketing consent ({contact.SmsConsent})");
        }

        return Carts.PhoneNumbers.ToE164(contact.Phone) is { } phone
            ? ContactCheck.Allowed(phone)
            : ContactCheck.Skip("the phone number is not in international (E.164) form");
    }
}
