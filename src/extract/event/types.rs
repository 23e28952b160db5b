//! The event taxonomy: a small set of happenings news reports, chosen so that
//! mentions of one happening share a type however they are worded
//! ("negotiations", "talks", "met" are all a meeting).

/// What kind of happening an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventType {
    /// Talks, negotiations, meetings, summits, visits.
    Meeting,
    /// Agreements, deals, ceasefires, signings.
    Agreement,
    /// People or remains moved between parties: exchanges, releases, returns, handovers.
    Transfer,
    /// Attacks, strikes, shootings, bombings, invasions.
    Attack,
    /// Deaths and injuries: killings, tolls, the dead and wounded.
    Casualty,
    /// Arrests, detentions, charges.
    Arrest,
    /// Court hearings, trials, rulings, sentences, appeals.
    Court,
    /// Statements, announcements, denials, reports, posts.
    Statement,
    /// Accidents, collapses, crashes, explosions, natural disasters.
    Disaster,
    /// Rescues of people alive.
    Rescue,
    /// Searches and manhunts.
    Search,
    /// Recoveries of bodies, wreckage or goods; finds.
    Recovery,
    /// Evacuations.
    Evacuation,
    /// Elections, votes, nominations.
    Election,
    /// Appointments, resignations, dismissals.
    Appointment,
    /// Protests, demonstrations, strikes by workers.
    Protest,
    /// Arrivals, departures, deployments, withdrawals, flights.
    Movement,
    /// Launches and unveilings of products or programmes.
    Launch,
    /// Acquisitions, mergers, sales.
    Business,
    /// Crimes and offences (robbery, fraud, drunk driving).
    Crime,
    /// Ceremonies, parties, festivals, funerals' services.
    Gathering,
    /// Games, matches, races, tournaments.
    Contest,
}

impl EventType {
    /// Every type, in display order.
    pub const ALL: [EventType; 22] = [
        EventType::Meeting,
        EventType::Agreement,
        EventType::Transfer,
        EventType::Attack,
        EventType::Casualty,
        EventType::Arrest,
        EventType::Court,
        EventType::Statement,
        EventType::Disaster,
        EventType::Rescue,
        EventType::Search,
        EventType::Recovery,
        EventType::Evacuation,
        EventType::Election,
        EventType::Appointment,
        EventType::Protest,
        EventType::Movement,
        EventType::Launch,
        EventType::Business,
        EventType::Crime,
        EventType::Gathering,
        EventType::Contest,
    ];

    /// The lower-case name stored in facts and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Agreement => "agreement",
            EventType::Transfer => "transfer",
            EventType::Attack => "attack",
            EventType::Casualty => "casualty",
            EventType::Arrest => "arrest",
            EventType::Court => "court",
            EventType::Statement => "statement",
            EventType::Disaster => "disaster",
            EventType::Rescue => "rescue",
            EventType::Search => "search",
            EventType::Recovery => "recovery",
            EventType::Evacuation => "evacuation",
            EventType::Election => "election",
            EventType::Appointment => "appointment",
            EventType::Protest => "protest",
            EventType::Movement => "movement",
            EventType::Launch => "launch",
            EventType::Business => "business",
            EventType::Crime => "crime",
            EventType::Gathering => "gathering",
            EventType::Contest => "contest",
        }
    }

    /// The type named by `name` (as written by [`EventType::as_str`]).
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// A heading for people ("Talks", "Transfer of people").
    pub fn title(self) -> &'static str {
        match self {
            EventType::Meeting => "Talks",
            EventType::Agreement => "Agreement",
            EventType::Transfer => "Transfer of people",
            EventType::Attack => "Attack",
            EventType::Casualty => "Deaths and injuries",
            EventType::Arrest => "Arrest",
            EventType::Court => "Court",
            EventType::Statement => "Statement",
            EventType::Disaster => "Accident or disaster",
            EventType::Rescue => "Rescue",
            EventType::Search => "Search",
            EventType::Recovery => "Recovery",
            EventType::Evacuation => "Evacuation",
            EventType::Election => "Election or vote",
            EventType::Appointment => "Appointment or resignation",
            EventType::Protest => "Protest",
            EventType::Movement => "Movement",
            EventType::Launch => "Launch",
            EventType::Business => "Business deal",
            EventType::Crime => "Crime",
            EventType::Gathering => "Ceremony or gathering",
            EventType::Contest => "Game or contest",
        }
    }
}

/// Whether an event happened, according to the sentence reporting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventStatus {
    /// Reported as having happened (or happening).
    TookPlace,
    /// Agreed on by parties, not yet carried out.
    Agreed,
    /// Planned, scheduled or expected.
    Planned,
    /// Denied, cancelled or said not to have happened.
    Denied,
    /// Conditional or hypothetical ("could", "if").
    Hypothetical,
}

impl EventStatus {
    /// The lower-case name stored in facts and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::TookPlace => "took place",
            EventStatus::Agreed => "agreed",
            EventStatus::Planned => "planned",
            EventStatus::Denied => "denied",
            EventStatus::Hypothetical => "hypothetical",
        }
    }

    /// The status named by `name` (as written by [`EventStatus::as_str`]).
    pub fn parse(name: &str) -> Option<EventStatus> {
        [
            EventStatus::TookPlace,
            EventStatus::Agreed,
            EventStatus::Planned,
            EventStatus::Denied,
            EventStatus::Hypothetical,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}
