//! What a panel gets each frame, after the pattern of rerun's viewer: the
//! open workspace and the window's state to read, and queues for everything
//! it asks — model changes ([`Command`]s), window actions ([`Action`]s:
//! dialogs, files, background work) and changes of selection, view, status
//! line and dialog ([`Ask`]s). The app does them after drawing, so a panel
//! cannot change the project while it is drawn, nor reach into another
//! panel's state (what it shows of one is passed to it read-only).

use super::actions::Action;
use super::focus::Pane;
use super::modals::Modal;
use crate::analysis::Comparison;
use crate::commands::Command;
use crate::jobs::Job;
use crate::model::{ArticleId, FactId, ViewState};
use crate::workspace::Workspace;

/// A panel's view of the app during one frame (see the module documentation).
pub(super) struct PanelCtx<'a> {
    /// The open project, its texts and history, read-only.
    pub ws: &'a Workspace,
    /// The status bar's message.
    pub status: &'a str,
    /// The background job running, if any (its Cancel is a flag, not a change).
    pub job: Option<&'a Job>,
    pub(super) commands: &'a mut Vec<Command>,
    pub(super) actions: &'a mut Vec<Action>,
    pub(super) asks: &'a mut Vec<Ask>,
}

/// A change of what the window shows, done after drawing.
pub(super) enum Ask {
    /// Select a fact in every panel (and its article).
    SelectFact(FactId, SelectedIn),
    /// Open an article with no fact selected.
    SelectArticle(ArticleId, SelectedIn),
    /// Select an event by a mention's key, and that mention's fact.
    SelectEvent(String, FactId),
    /// Show a span that is not a fact (a Find match) in the source text.
    RevealSpan(ArticleId, usize, usize),
    /// Step to the next (or previous) Find match in the open article.
    FindStep {
        /// Forward, or back.
        forward: bool,
    },
    /// Select the next fact of the table left to review.
    NextUnreviewed,
    /// Open the Find window with the keyboard in its query.
    OpenFind,
    /// Move the keyboard to a pane.
    Focus(Pane),
    /// Open the Compare panel on the contradiction with this key.
    ShowContradiction(String),
    /// Change the view state (filter, sort, columns): not an undoable step.
    View(Box<dyn FnOnce(&mut ViewState)>),
    /// Put this message in the status bar.
    Status(String),
    /// Open this dialog.
    Modal(Modal),
}

/// Where a selection was made: that list keeps its scroll (the row was
/// in view where it was clicked), the others scroll to the selection.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SelectedIn {
    /// A row of the facts table.
    FactsTable,
    /// A highlight in the article text.
    SourceText,
    /// A row of the articles list.
    ArticlesList,
    /// A panel that does not scroll to selections (the timeline, Find).
    Elsewhere,
}

impl PanelCtx<'_> {
    /// Queues a change of the model, executed as one undoable step after drawing.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Queues a window action (dialogs, files, background work).
    pub fn request(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Asks for a change of what the window shows.
    pub fn ask(&mut self, ask: Ask) {
        self.asks.push(ask);
    }

    /// Asks for a change of the view state.
    pub fn change_view(&mut self, change: impl FnOnce(&mut ViewState) + 'static) {
        self.asks.push(Ask::View(Box::new(change)));
    }

    /// The view state as it was when the frame began.
    pub fn view(&self) -> &ViewState {
        &self.ws.project().view
    }

    /// The index of the selected event in `cmp`'s events, if one is selected.
    pub fn selected_event(&self, cmp: &Comparison) -> Option<usize> {
        let key = self.view().selected_event.as_deref()?;
        cmp.events.by_mention_key(key)
    }
}
