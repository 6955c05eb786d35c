//! What the clauses around a sentence's acts say of them: threats and the force behind them
//! ([`threats`]), and acts that are only asked for, alleged, set as conditions or purposes
//! ([`requests`]); who does the act of a to-infinitive ([`control`]); where a relative
//! clause begins and ends ([`relative`]); passive clauses ([`passive`]); the doer of an act noun ([`nominal`]); obligations that are no demands ([`obligation`]).

pub(super) mod control;
pub(super) mod nominal;
pub(super) mod obligation;
pub(super) mod passive;
pub(super) mod relative;
pub(super) mod requests;
pub(super) mod threats;

pub(super) use requests::requested_acts;
pub(super) use threats::threats_and_force;
