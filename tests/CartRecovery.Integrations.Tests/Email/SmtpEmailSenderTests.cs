using System.Security.Cryptography;
using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;
using MimeKit;
using MimeKit.Cryptography;

namespace CartRecovery.Integrations.Tests.Email;

/// <summary>SMTP against a real MailDev, reading each message back through its REST API.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private MailDevServer maildev = null!;

    public async ValueTask InitializeAsync() => maildev = await MailDevServer.StartAsync();

    public async ValueTask DisposeAsync() => await maildev.DisposeAsync();

    [Fact]
    public async Task Delivers_text_and_html_parts_with_the_unsubscribe_headers()
    {
        var message = TestDelivery.Email("Ihr Warenkorb wartet – 2 Artikel");

        var receipt = await Sender(maildev.SmtpPort).SendAsync(message, "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        var mail = await SingleMailAsync();
        Assert.Equal("smtp", receipt.Provider);
        Assert.Equal($"<{IdempotencyIds.HexFor(TestDelivery.Key)}@mail.example>", receipt.ProviderMessageId);
        Assert.Equal("Ihr Warenkorb wartet – 2 Artikel", mail.GetProperty("subject").GetString());
        Assert.Equal("ana@example.com", mail.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("shop@mail.example", mail.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Equal("Demo Store", mail.GetProperty("from")[0].GetProperty("name").GetString());
        var headers = mail.GetProperty("headers");
        Assert.Equal("<https://app.example/u/abc>", headers.GetProperty("list-unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
        Assert.Equal(receipt.ProviderMessageId, headers.GetProperty("message-id").GetString());
        Assert.StartsWith("multipart/alternative", headers.GetProperty("content-type").GetString(), StringComparison.Ordinal);
        Assert.Equal(message.Text, mail.GetProperty("text").GetString()!.TrimEnd());
        Assert.Equal(message.Html, mail.GetProperty("html").GetString()!.TrimEnd());
    }

    [Fact]
    public async Task The_dkim_signature_covers_the_unsubscribe_headers_and_verifies_with_the_published_key()
    {
        using var rsa = RSA.Create(2048);
        var dkim = new DkimSettings { Domain = "mail.example", Selector = "cr2026", PrivateKey = rsa.ExportPkcs8PrivateKeyPem() };

        await Sender(maildev.SmtpPort, dkim).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        var id = (await SingleMailAsync()).GetProperty("id").GetString()!;
        using var raw = new MemoryStream(await maildev.ReadRawEmailAsync(id, TestContext.Current.CancellationToken));
        var received = await MimeMessage.LoadAsync(raw, TestContext.Current.CancellationToken);
        var signature = received.Headers[received.Headers.IndexOf(HeaderId.DkimSignature)];
        var tags = signature.Value.Split(';').Select(tag => tag.Split('=', 2)).Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => string.Concat(pair[1].Where(c => !char.IsWhiteSpace(c))));
        var signed = tags["h"].Split(':').Select(name => name.ToLowerInvariant()).ToArray();
        Assert.Contains("list-unsubscribe", signed);
        Assert.Contains("list-unsubscribe-post", signed);
        Assert.Contains("from", signed);
        Assert.Equal(("mail.example", "cr2026", "rsa-sha256", "relaxed/relaxed"), (tags["d"], tags["s"], tags["a"], tags["c"]));

        var verifier = new DkimVerifier(new DkimTestKey("mail.example", "cr2026", rsa.ExportSubjectPublicKeyInfo()));
        Assert.True(await verifier.VerifyAsync(received, signature, TestContext.Current.CancellationToken));

        // A relay that rewrites the one-click header breaks the signature: that is what RFC 8058 asks the signature for.
        received.Headers["List-Unsubscribe-Post"] = "List-Unsubscribe=Other";
        Assert.False(await verifier.VerifyAsync(received, signature, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_dkim_settings_nothing_is_signed()
    {
        await Sender(maildev.SmtpPort).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        var headers = (await SingleMailAsync()).GetProperty("headers");
        Assert.False(headers.TryGetProperty("dkim-signature", out _));
    }

    [Theory]
    [InlineData("mail.example", null, "key")]
    [InlineData(null, null, "-----BEGIN PRIVATE KEY-----")]
    [InlineData("mail.example", "s1", "not a pem key")]
    public void Dkim_settings_that_cannot_sign_are_refused(string? domain, string? selector, string? key)
    {
        var settings = new DkimSettings { Domain = domain, Selector = selector, PrivateKey = key };

        Assert.NotNull(DkimMessageSigner.Problem(settings));
        Assert.Throws<InvalidOperationException>(() => DkimMessageSigner.Create(settings));
    }

    [Fact]
    public void A_dkim_key_shorter_than_1024_bits_is_refused()
    {
        using var rsa = RSA.Create(512);

        Assert.Contains("1024", DkimMessageSigner.Problem(new DkimSettings { Domain = "d.example", Selector = "s", PrivateKey = rsa.ExportRSAPrivateKeyPem() }));
    }

    [Fact]
    public async Task A_5xx_reply_is_permanent_and_not_retried()
    {
        await using var server = new ScriptedSmtpServer(_ => "550 5.1.1 mailbox unavailable ana@example.com");

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender(server.Port).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal(550, failure.StatusCode);
        Assert.DoesNotContain("ana@", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_4xx_reply_is_transient_and_the_engines_next_attempt_delivers()
    {
        await using var server = new ScriptedSmtpServer(attempt => attempt == 1 ? "451 4.3.0 try again later" : "250 OK");

        var receipt = await TestDelivery.AsTheEngineRetries(2, () => Sender(server.Port).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("smtp", receipt.Provider);
        Assert.Equal(2, server.Connections);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task A_4xx_reply_is_transient_after_one_connection_per_attempt()
    {
        await using var server = new ScriptedSmtpServer(_ => "452 4.2.2 mailbox full");

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => Sender(server.Port).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal(452, failure.StatusCode);
        Assert.Equal(1, server.Connections); // the sender retries nothing itself: the engine's next attempt is the retry
    }

    [Fact]
    public async Task An_unparseable_recipient_is_permanent_before_connecting()
    {
        await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender(maildev.SmtpPort).SendAsync(TestDelivery.Email(), "not an address", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("[]", (await maildev.ReadEmailsJsonAsync(TestContext.Current.CancellationToken)).Trim());
    }

    [Fact]
    public async Task A_server_that_is_not_listening_is_transient_after_the_retries()
    {
        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => Sender(FreePort.Next()).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("smtp", failure.Provider);
    }

    [Fact]
    public async Task A_message_without_a_subject_is_refused_before_connecting()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Sender(maildev.SmtpPort).SendAsync(TestDelivery.Email() with { Subject = " " }, "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("[]", (await maildev.ReadEmailsJsonAsync(TestContext.Current.CancellationToken)).Trim());
    }

    private async Task<JsonElement> SingleMailAsync()
    {
        using var document = JsonDocument.Parse(await maildev.ReadEmailsJsonAsync(TestContext.Current.CancellationToken));
        return Assert.Single(document.RootElement.EnumerateArray()).Clone();
    }

    private static SmtpEmailSender Sender(int port, DkimSettings? dkim = null) => new(
        Microsoft.Extensions.Options.Options.Create(new EmailOptions
        {
            FromAddress = "shop@mail.example",
            FromName = "Demo Store",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port },
            Dkim = dkim ?? new DkimSettings(),
        }),
        TestDelivery.Factory());
}
