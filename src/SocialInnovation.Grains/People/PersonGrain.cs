using SocialInnovation.Grains.Common;
using SocialInnovation.People;

namespace SocialInnovation.Grains.People;

public sealed partial class PersonGrain(
    [PersistentState("person", StorageNames.State)] IPersistentState<PersonState> state) : Grain, IPersonGrain
{
    private PersonState Person => state.State;

    private bool Exists => Person.Name.Length > 0;

    public Task<PersonProfile?> GetProfile() => Task.FromResult(
        Exists ? new PersonProfile(this.GetPrimaryKey(), Person.Name, Person.IsPlatformOrganizer, new Dictionary<Guid, CampRole>(Person.Camps), Person.Language) : null);

    public Task<CampRole?> GetRole(Guid campId) =>
        Task.FromResult(Person.Camps.TryGetValue(campId, out var role) ? role : (CampRole?)null);

    public async Task<CampRole> Join(Guid campId, CampRole role, string name)
    {
        if (Person.Camps.TryGetValue(campId, out var existing)) return existing;
        if (!Exists) Person.Name = name;
        Person.Camps[campId] = role;
        await state.Store(this);
        return role;
    }

    public Task<PersonSessions> GetSessions() => Task.FromResult(new PersonSessions(Person.SessionStamp, Person.EndedSessions.ToArray()));

    public async Task EndSession(string sessionId)
    {
        if (Person.EndedSessions.Contains(sessionId)) return;
        // Past this many single sign-outs the list would only grow: ending all sessions instead is
        // the safe side (the person signs in again on the devices they still use).
        if (Person.EndedSessions.Count >= MaxEndedSessions)
        {
            await EndAllSessions();
            return;
        }
        Person.EndedSessions.Add(sessionId);
        await state.Store(this);
    }

    public async Task EndAllSessions()
    {
        Person.SessionStamp++;
        Person.EndedSessions.Clear();
        await state.Store(this);
    }

    private const int MaxEndedSessions = 50;

    public async Task BecomePlatformOrganizer(string name)
    {
        if (Person.IsPlatformOrganizer) return;
        Person.IsPlatformOrganizer = true;
        if (!Exists) Person.Name = name;
        await state.Store(this);
    }

    public async Task SetLanguage(string language)
    {
        if (!Exists || Person.Language == language) return;
        Person.Language = language;
        await state.Store(this);
    }
}
