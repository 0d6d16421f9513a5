using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Messaging.Contact;

/// <summary>
/// Who may be contacted on which channel, as far as the cart tells: email and SMS need an address in a form that can be sent
/// to and the shopper's marketing consent for that channel (the two are separate), the popup needs a cart token the
/// storefront can find. The one place this rule lives: the decider skips a step with these reasons before it runs, and the
/// step executor asks again at send time (consent may have changed since the cart was read).
/// Push is not decided here: the browser's permission prompt is its consent, and the subscription is known to the channel.
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
            Channel.Popup => cart.CartToken is { Length: > 0 }
                ? ContactCheck.Allowed(null)
                : ContactCheck.Skip("no cart token: the storefront cannot find a popup for this cart"),
            Channel.Push => ContactCheck.Allowed(null),
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

        return PhoneNumbers.ToE164(contact.Phone) is { } phone
            ? ContactCheck.Allowed(phone)
            : ContactCheck.Skip("the phone number is not in international (E.164) form");
    }
}
