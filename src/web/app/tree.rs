//! A long article's render tree, built a few hundred lines per task: the
//! whole tree of a 200,000-character article at once was a 40–50 ms task
//! here, on top of the ones before and after it.

use super::spans::Builder;
use super::state::{Annotated, Shared};
use crate::contract::Annotation;
use std::rc::Rc;

/// Lines built per task.
const LINES_PER_STEP: usize = 400;

/// [`Annotated::after`] over several tasks (yielding between steps).
pub async fn build_in_steps(text: String, ann: Rc<Annotation>, prev: Option<Shared<Annotated>>) -> Annotated {
    let mut paras = Vec::new();
    {
        let mut b = Builder::new(&text, &ann);
        while b.next_into(LINES_PER_STEP, &mut paras) {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
        }
    }
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
    Annotated::from_paras(text, ann, paras, prev.as_deref())
}
