using Microsoft.Extensions.Logging;
using SocialInnovation.Grains.Common;
using SocialInnovation.Mail;

namespace SocialInnovation.Grains.Mail;

/// <summary>
/// Stores each mail, then sends it; a failed send is retried with backoff (1 s, 2 s, 4 s … at most a
/// minute). A timer drives the retries while the grain is active; a reminder, kept only while mail is
/// waiting, wakes the grain after a restart. A mail is removed only once the SMTP server accepted it, so
/// it is sent at least once; it is sent twice only if the server accepted it and this grain's next
/// write failed.
/// </summary>
public sealed class MailOutboxGrain(
    [PersistentState("outbox", StorageNames.State)] IPersistentState<OutboxState> state,
    IMailTransport transport,
    TimeProvider clock,
    ILogger<MailOutboxGrain> log) : Grain, IMailOutboxGrain, IRemindable
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private const string Reminder = "deliver";
    private IGrainTimer? _timer;
    private bool _reminderOn;

    private OutboxState Outbox => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Woken by the reminder (or any call) after a restart: carry on with what is waiting.
        _reminderOn = Outbox.Pending.Count > 0;
        if (Outbox.Pending.Count > 0) Schedule(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task Enqueue(OutgoingMail mail)
    {
        if (Outbox.Knows(mail.MailId)) return;
        Outbox.Pending.Add(new PendingMail { Mail = mail, NextAttemptAt = clock.GetUtcNow() });
        await state.Store(this);
        if (!_reminderOn)
        {
            await this.RegisterOrUpdateReminder(Reminder, MaxBackoff, MaxBackoff);
            _reminderOn = true;
        }
        Schedule(TimeSpan.Zero);
    }

    public Task<OutboxStatus> GetStatus() => Task.FromResult(new OutboxStatus(Outbox.Pending.Count, Outbox.SentCount, Outbox.LastError));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Deliver(CancellationToken.None);

    private void Schedule(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(Deliver, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private async Task Deliver(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = Outbox.Pending.Where(p => p.NextAttemptAt <= now).ToList();
        foreach (var pending in due)
        {
            try
            {
                await transport.Send(pending.Mail, cancellationToken);
                Outbox.MarkSent(pending);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                pending.Attempts++;
                pending.NextAttemptAt = now + Backoff(pending.Attempts);
                Outbox.LastError = ex.Message;
                log.LogWarning("Mail {MailId} to the SMTP server failed (attempt {Attempt}), retrying at {Next}: {Error}",
                    pending.Mail.MailId, pending.Attempts, pending.NextAttemptAt, ex.Message);
                // The server is down: the rest would fail the same way, so they wait for the same retry.
                foreach (var waiting in due.Where(d => d.NextAttemptAt <= now)) waiting.NextAttemptAt = pending.NextAttemptAt;
                break;
            }
        }
        if (due.Count > 0) await state.Store(this);

        if (Outbox.Pending.Count > 0)
        {
            Schedule(Outbox.Pending.Min(p => p.NextAttemptAt) - clock.GetUtcNow());
        }
        else if (_reminderOn)
        {
            if (await this.GetReminder(Reminder) is { } reminder) await this.UnregisterReminder(reminder);
            _reminderOn = false;
        }
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts - 1, 10)), MaxBackoff.TotalSeconds));
}
