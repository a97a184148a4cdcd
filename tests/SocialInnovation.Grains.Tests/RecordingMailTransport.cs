using System.Collections.Concurrent;
using SocialInnovation.Grains.Mail;
using SocialInnovation.Mail;

namespace SocialInnovation.Grains.Tests;

/// <summary>"SMTP" for grain tests: keeps what was sent, and can be told to be down for a recipient.</summary>
public sealed class RecordingMailTransport : IMailTransport
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<OutgoingMail> To(string address) => _sent.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The next <paramref name="times"/> sends to <paramref name="address"/> fail as if the server were down.</summary>
    public void FailNext(string address, int times) => _failuresLeft[address] = times;

    public Task Send(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (_failuresLeft.TryGetValue(mail.To, out var left) && left > 0)
        {
            _failuresLeft[mail.To] = left - 1;
            throw new IOException("Connection refused (simulated).");
        }
        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    /// <summary>Waits until <paramref name="count"/> mails reached <paramref name="address"/>; bounded, so a lost mail fails the test.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> WaitFor(string address, int count = 1)
    {
        for (var i = 0; i < 300; i++)
        {
            if (To(address) is { } got && got.Count >= count) return got;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{count} mail(s) to {address} did not arrive; got {To(address).Count}.");
    }
}
