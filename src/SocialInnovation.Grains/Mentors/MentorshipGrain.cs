using SocialInnovation.Grains.Common;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Mentors;

/// <summary>The camp's mentor list and mentor–team records: only ever added to, so every call is a set operation.</summary>
public sealed class MentorshipGrain(
    [PersistentState("mentorship", StorageNames.State)] IPersistentState<MentorshipState> state) : Grain, IMentorshipGrain
{
    private MentorshipState Ledger => state.State;

    public async Task ListMentor(MentorProfile profile)
    {
        var index = Ledger.Mentors.FindIndex(m => m.PersonId == profile.PersonId);
        if (index >= 0 && Same(Ledger.Mentors[index], profile)) return;
        if (index >= 0) Ledger.Mentors[index] = profile;
        else Ledger.Mentors.Add(profile);
        await state.Store(this);
    }

    public Task<IReadOnlyList<MentorProfile>> GetMentors() =>
        Task.FromResult<IReadOnlyList<MentorProfile>>(Ledger.Mentors.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList());

    public async Task Record(MentorTeamRecord record)
    {
        if (Ledger.Records.Exists(r => r.MentorId == record.MentorId && r.TeamId == record.TeamId && r.How == record.How && r.Reference == record.Reference))
            return;
        Ledger.Records.Add(record);
        try
        {
            await state.Store(this);
        }
        catch
        {
            // Not stored: forget it here too, so the caller's retry stores it instead of finding it "already kept".
            Ledger.Records.Remove(record);
            throw;
        }
    }

    public Task<IReadOnlyList<Guid>> TeamsMentoredBy(Guid personId) =>
        Task.FromResult<IReadOnlyList<Guid>>(Ledger.Records.Where(r => r.MentorId == personId).Select(r => r.TeamId).Distinct().ToList());

    public Task<IReadOnlyList<MentorTeamRecord>> GetRecords() => Task.FromResult<IReadOnlyList<MentorTeamRecord>>(Ledger.Records.ToList());

    private static bool Same(MentorProfile a, MentorProfile b) =>
        a.Name == b.Name && a.Bio == b.Bio && a.Availability == b.Availability && a.Tags.SequenceEqual(b.Tags) && a.Languages.SequenceEqual(b.Languages);
}
