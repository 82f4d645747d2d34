"""Where cockpit keeps its files: platformdirs' folders, each with its own override."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from cockpit_tui.config import cache_dir, config_dir, data_dir


def test_each_folder_is_platformdirs_unless_its_variable_names_another(tmp_path: Path) -> None:
    assert cache_dir({}) == Path(platformdirs.user_cache_dir("cockpit-tui", appauthor=False))
    assert data_dir({}) == Path(platformdirs.user_data_dir("cockpit-tui", appauthor=False))
    assert config_dir({}) == Path(platformdirs.user_config_dir("cockpit-tui", appauthor=False))
    assert cache_dir({"COCKPIT_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert cache_dir({"COCKPIT_DATA_DIR": str(tmp_path)}) != tmp_path
