using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CartRecovery.Integrations.Tests.Email;

/// <summary>
/// A minimal SMTP server on loopback whose reply to RCPT TO is chosen by the test (MailDev accepts everything), so the
/// sender's handling of 4xx and 5xx replies is checked against real SMTP dialogue. Counts connections and accepted messages.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int connections;
    private int accepted;

    public ScriptedSmtpServer(Func<int, string> rcptReply)
    {
        listener.Start();
        loop = Task.Run(() => AcceptAsync(rcptReply));
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public int Accepted => Volatile.Read(ref accepted);

    private async Task AcceptAsync(Func<int, string> rcptReply)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var attempt = Interlocked.Increment(ref connections);
            using (client)
            {
                await ConverseAsync(client.GetStream(), rcptReply(attempt));
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream, string rcpt)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 scripted ESMTP");
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            var verb = line.Split(' ', ':')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 scripted");
                    break;
                case "MAIL" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    await writer.WriteLineAsync(rcpt);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go ahead");
                    while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                    {
                    }

                    Interlocked.Increment(ref accepted);
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception failure) when (failure is OperationCanceledException or IOException or SocketException)
        {
        }

        stop.Dispose();
    }
}
