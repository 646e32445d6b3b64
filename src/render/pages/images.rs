//! The resized images: every size of every local image the pages show, copied from the
//! image cache into the output. Streamed, so a build makes it after the pages, once the
//! templates' `resize_image` calls have asked for their sizes too.

use crate::media::Variant;
use crate::render::*;

/// All resized images, as one job.
pub(in crate::render) struct ImageFiles;

impl ImageFiles {
    fn files(r: &Renderer<'_>) -> Vec<Variant> {
        r.site
            .media
            .store
            .as_ref()
            .map(|store| store.files())
            .unwrap_or_default()
    }
}

impl PageKind for ImageFiles {
    fn label(&self) -> &'static str {
        "images"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        usize::from(r.site.media.store.is_some())
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::File("images/")
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        stream_into_files(self, r, index)
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        print.add(&ImageFiles::files(r));
    }

    fn streamed(&self) -> bool {
        true
    }

    fn stream(
        &self,
        r: &Renderer<'_>,
        _index: usize,
        sink: &mut dyn Sink,
    ) -> Result<(), Diagnostic> {
        ImageFiles::files(r)
            .iter()
            .try_for_each(|variant| sink.file(read(variant)?))
    }
}

fn read(variant: &Variant) -> Result<Output, Diagnostic> {
    std::fs::read(&variant.from)
        .map(|bytes| Output::new(variant.path.clone(), bytes))
        .map_err(|e| {
            Diagnostic::error(
                &variant.from,
                format!("cannot read the resized image for {}: {e}", variant.path),
            )
        })
}
