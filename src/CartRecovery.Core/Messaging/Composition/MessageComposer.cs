using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging.Composition.Guardrails;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// Composes a step's message: picks the language, writes the copy (AI when configured and it passes the guardrails, else the
/// template), fills in the cart, and signs every link (tracked restore link with UTM, open pixel, unsubscribe + RFC 8058 headers).
/// </summary>
public sealed partial class MessageComposer(
    IShopRepository shops,
    MessageLinks links,
    IAiCopyWriter ai,
    IRecommendations recommendations,
    ILinkShortener shortener,
    CompositionOptions options,
    TimeProvider time,
    ILogger<MessageComposer> logger) : IMessageComposer
{
    public const int MaxPopupItems = 3;
    public const int MaxRecommendations = 3;

    public async Task<RenderedMessage> ComposeAsync(StepRequest request, string messageId, CancellationToken cancellationToken)
    {
        var cart = request.Cart;
        var store = (await shops.GetAsync(cart.Shop, cancellationToken)).Profile;
        var locale = MessageLocale.Resolve(cart.Locale, store.DefaultLocale);
        var text = LocaleText.For(locale.Language);
        var storeName = TextSafety.SingleLine(store.Name, 100);
        var code = request.IncludeIncentive && request.Incentive is { } incentive ? TextSafety.SingleLine(incentive.Code, 64) : null;
        var notes = new List<string>();
        if (request.IncludeIncentive && string.IsNullOrEmpty(code))
        {
            code = null;
            notes.Add($"incentive: none was issued ({request.IncentiveRefusedReason ?? "no reason recorded"}), so the offer copy has no code");
        }

        var context = LinkContext(request, messageId, locale);
        var actionUrl = links.Click(context, RestoreTarget(cart, store, links.Options.AllowInsecureRedirects));
        var copy = TemplateCopy.For(text, request.Intent, request.Channel, storeName, code);
        var source = "template";
        if (ai.Enabled && request.Channel != Channel.Popup)
        {
            var facts = Facts(request, locale, storeName, code);
            var (aiCopy, refusal) = await TryAiAsync(facts, cancellationToken);
            if (aiCopy is not null)
            {
                copy = aiCopy;
                source = "ai";
            }
            else
            {
                notes.Add(refusal!);
                LogAiCopyNotUsed(logger, messageId, cart.Shop, refusal);
            }
        }

        var fallbackReason = notes.Count == 0 ? null : string.Join("; ", notes);
        return request.Channel switch
        {
            Channel.Email => await EmailAsync(request, context, locale, text, storeName, copy, code, actionUrl, source, fallbackReason, cancellationToken),
            Channel.Sms => Sms(locale, text, storeName, copy, await ShortenAsync(cart.Shop, actionUrl, cancellationToken), source, fallbackReason),
            Channel.Push => Push(locale, copy, actionUrl, source, fallbackReason),
            _ => Popup(locale, copy, actionUrl, source, fallbackReason),
        };
    }

    /// <summary>The popup's content for a pending popup step, as the storefront script shows it.</summary>
    public async Task<PopupContent> ComposePopupAsync(StepRequest request, string messageId, CancellationToken cancellationToken)
    {
        var cart = request.Cart;
        var store = (await shops.GetAsync(cart.Shop, cancellationToken)).Profile;
        var locale = MessageLocale.Resolve(cart.Locale, store.DefaultLocale);
        var text = LocaleText.For(locale.Language);
        var code = request.IncludeIncentive && request.Incentive is { } incentive ? TextSafety.SingleLine(incentive.Code, 64) : null;
        var popupRequest = request with { Channel = Channel.Popup };
        var context = LinkContext(popupRequest, messageId, locale);
        var copy = TemplateCopy.For(text, request.Intent, Channel.Popup, TextSafety.SingleLine(store.Name, 100), string.IsNullOrEmpty(code) ? null : code);
        return new PopupContent(
            locale.Language,
            copy.Subject!,
            copy.Paragraphs[0],
            copy.CallToAction,
            links.Click(context, RestoreTarget(cart, store, links.Options.AllowInsecureRedirects)),
            text.Get("popupDismiss"),
            text.Get("popupClose"),
            cart.Lines.Take(MaxPopupItems).Select(l => LineItemView.From(l, cart.Currency, locale)).ToArray(),
            links.PopupEventToken(context));
    }

    /// <summary>
    /// The restore link: the cart's recovery URL when it is on one of the store's domains; a recovery URL on an unknown host
    /// keeps its path but moves to the myshopify domain (which redirects to the store's primary domain); else the cart page.
    /// </summary>
    public static string RestoreTarget(CartSnapshot cart, ShopProfile store, bool allowInsecure)
    {
        if (RedirectAllowList.IsAllowed(cart.RecoveryUrl, store, allowInsecure))
        {
            return cart.RecoveryUrl!;
        }

        if (Uri.TryCreate(cart.RecoveryUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return $"https://{store.Shop}{uri.PathAndQuery}";
        }

        return $"https://{store.Shop}/cart";
    }

    /// <summary>SMS pays per character: its link is a short id standing for the signed click link.</summary>
    private Task<string> ShortenAsync(string shop, string actionUrl, CancellationToken cancellationToken) =>
        shortener.ShortenAsync(shop, actionUrl, time.GetUtcNow() + links.Options.TrackingLifetime, cancellationToken);

    private static MessageLinkContext LinkContext(StepRequest request, string messageId, MessageLocale locale) => new(
        request.Cart.Shop,
        messageId,
        request.WorkflowId,
        request.StepId,
        request.Channel,
        request.Cart.CustomerKey,
        locale.Language,
        string.IsNullOrWhiteSpace(request.Cart.Contact.Email) ? null : request.Cart.Contact.Email.Trim().ToLowerInvariant(),
        string.IsNullOrWhiteSpace(request.Cart.Contact.Phone) ? null : request.Cart.Contact.Phone.Trim());

    private async Task<(MessageCopy? Copy, string? Refusal)> TryAiAsync(CopyFacts facts, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        MessageCopy copy;
        try
        {
            copy = await ai.WriteAsync(facts, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "ai: timed out");
        }
        catch (TimeoutException)
        {
            return (null, "ai: timed out");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, $"ai: {exception.GetType().Name}");
        }

        // Parts a channel does not use are dropped rather than judged (an SMS has no subject, only email has a preheader).
        var cleaned = new MessageCopy(
            copy.Subject is null || facts.Channel == Channel.Sms ? null : TextSafety.SingleLine(copy.Subject, 1000),
            copy.Preheader is null || facts.Channel != Channel.Email ? null : TextSafety.SingleLine(copy.Preheader, 1000),
            copy.Paragraphs.Select(p => TextSafety.SingleLine(p, 5000)).ToArray(),
            TextSafety.SingleLine(copy.CallToAction, 1000));
        var refusal = CopyGuardrails.Check(cleaned, facts);
        return refusal is null ? (cleaned, null) : (null, "ai copy refused: " + refusal);
    }

    private CopyFacts Facts(StepRequest request, MessageLocale locale, string storeName, string? code)
    {
        var cart = request.Cart;
        var incentive = code is null ? null : request.Incentive;
        return new CopyFacts(
            locale.Language,
            request.Intent,
            request.Channel,
            options.Tone,
            storeName,
            cart.Lines.Select(l => new CopyFactItem(
                TextSafety.SingleLine(l.Title),
                string.IsNullOrWhiteSpace(l.VariantTitle) ? null : TextSafety.SingleLine(l.VariantTitle),
                l.Quantity,
                l.Price,
                MoneyFormatter.Format(l.Price * l.Quantity, cart.Currency, locale.Culture))).ToArray(),
            cart.TotalPrice,
            MoneyFormatter.Format(cart.TotalPrice, cart.Currency, locale.Culture),
            cart.Currency,
            incentive is null ? null : new CopyFactIncentive(
                code!,
                incentive.PercentOff,
                incentive.AmountOff,
                incentive.AmountOff is { } amount ? MoneyFormatter.Format(amount, cart.Currency, locale.Culture) : null,
                incentive.ExpiresAt,
                incentive.ExpiresAt?.ToString("D", locale.Culture)));
    }

    private async Task<RenderedMessage> EmailAsync(
        StepRequest request,
        MessageLinkContext context,
        MessageLocale locale,
        LocaleText text,
        string storeName,
        MessageCopy copy,
        string? code,
        string actionUrl,
        string source,
        string? fallbackReason,
        CancellationToken cancellationToken)
    {
        var cart = request.Cart;
        var values = new Dictionary<string, string> { ["store"] = storeName };
        var firstName = TextSafety.SingleLine(cart.Customer?.FirstName, 60);
        var greeting = firstName.Length > 0
            ? text.Get("greeting", new Dictionary<string, string> { ["name"] = firstName })
            : text.Get("greetingFallback");
        var suggested = await recommendations.ForCartAsync(cart, MaxRecommendations, cancellationToken);
        var unsubscribeUrl = links.Unsubscribe(context);
        var subject = TextSafety.SingleLine(copy.Subject, 200);
        var model = new EmailModel(
            locale.Language,
            storeName,
            subject,
            TextSafety.SingleLine(copy.Preheader, 300),
            greeting,
            copy.Paragraphs,
            code,
            text.Get("codeLabel"),
            text.Get("itemsHeading"),
            cart.Lines.Select(l => LineItemView.From(l, cart.Currency, locale)).ToArray(),
            text.Get("quantity"),
            text.Get("total"),
            MoneyFormatter.Format(cart.TotalPrice, cart.Currency, locale.Culture),
            TextSafety.SingleLine(copy.CallToAction, 80),
            actionUrl,
            suggested.Take(MaxRecommendations).Select(r => new RecommendationView(
                TextSafety.SingleLine(r.Title),
                links.Click(context, r.Url),
                r.Price is { } price ? MoneyFormatter.Format(price, cart.Currency, locale.Culture) : string.Empty)).ToArray(),
            text.Get("recommendationsHeading"),
            text.Get("footer", values),
            text.Get("unsubscribe"),
            unsubscribeUrl,
            links.OpenPixel(context));
        return new RenderedMessage(
            Channel.Email,
            locale.Language,
            subject,
            model.Preheader,
            MessageTemplates.EmailHtml(model),
            MessageTemplates.EmailText(model),
            null,
            actionUrl,
            links.UnsubscribeHeaders(unsubscribeUrl),
            source,
            fallbackReason);
    }

    private static RenderedMessage Sms(MessageLocale locale, LocaleText text, string storeName, MessageCopy copy, string actionUrl, string source, string? fallbackReason)
    {
        var body = string.Join(' ', copy.Paragraphs);
        if (!body.Contains(storeName, StringComparison.OrdinalIgnoreCase))
        {
            body = $"{storeName}: {body}"; // carriers and the law want the sender named in every text
        }

        var sms = MessageTemplates.Sms(new ShortTextModel(TextSafety.SingleLine(body, 400), actionUrl, text.Get("smsStop")));
        return new RenderedMessage(Channel.Sms, locale.Language, null, null, null, sms, null, actionUrl, new Dictionary<string, string>(), source, fallbackReason);
    }

    private static RenderedMessage Push(MessageLocale locale, MessageCopy copy, string actionUrl, string source, string? fallbackReason)
    {
        var body = MessageTemplates.Push(new ShortTextModel(TextSafety.SingleLine(string.Join(' ', copy.Paragraphs), 300), actionUrl, string.Empty));
        return new RenderedMessage(Channel.Push, locale.Language, null, null, null, body, TextSafety.SingleLine(copy.Subject, 100), actionUrl, new Dictionary<string, string>(), source, fallbackReason);
    }

    private static RenderedMessage Popup(MessageLocale locale, MessageCopy copy, string actionUrl, string source, string? fallbackReason) =>
        new(Channel.Popup, locale.Language, null, null, null, TextSafety.StripBidi(copy.Paragraphs[0]), TextSafety.SingleLine(copy.Subject, 100), actionUrl, new Dictionary<string, string>(), source, fallbackReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "AI copy not used for message {MessageId} of {Shop}: {Reason}")]
    private static partial void LogAiCopyNotUsed(ILogger logger, string messageId, string shop, string? reason);
}
