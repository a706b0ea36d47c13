# Automatically generated - do not edit.
# Source: forms/chair_key_dialog.ui (sha256 7d62d675d5474841e738f123fb7eac77e8ec7c76f42355793d359b657a16305a)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'chair_key_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ChairKeyDialog(object):
    def setupUi(self, ChairKeyDialog):
        if not ChairKeyDialog.objectName():
            ChairKeyDialog.setObjectName(u"ChairKeyDialog")
        ChairKeyDialog.resize(620, 360)
        ChairKeyDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(ChairKeyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChairKeyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.introLabel)

        self.currentGroup = QGroupBox(ChairKeyDialog)
        self.currentGroup.setObjectName(u"currentGroup")
        self.currentLayout = QVBoxLayout(self.currentGroup)
        self.currentLayout.setObjectName(u"currentLayout")
        self.currentLabel = QLabel(self.currentGroup)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)
        self.currentLabel.setTextFormat(Qt.TextFormat.RichText)
        self.currentLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.currentLayout.addWidget(self.currentLabel)

        self.historyLabel = QLabel(self.currentGroup)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)
        self.historyLabel.setTextFormat(Qt.TextFormat.RichText)

        self.currentLayout.addWidget(self.historyLabel)


        self.mainLayout.addWidget(self.currentGroup)

        self.fileGroup = QGroupBox(ChairKeyDialog)
        self.fileGroup.setObjectName(u"fileGroup")
        self.fileForm = QFormLayout(self.fileGroup)
        self.fileForm.setObjectName(u"fileForm")
        self.fileForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fileLabel = QLabel(self.fileGroup)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(self.fileGroup)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileRow.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(self.fileGroup)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileRow.addWidget(self.chooseButton)


        self.fileForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.fileKeyLabel = QLabel(self.fileGroup)
        self.fileKeyLabel.setObjectName(u"fileKeyLabel")
        self.fileKeyLabel.setWordWrap(True)
        self.fileKeyLabel.setTextFormat(Qt.TextFormat.RichText)
        self.fileKeyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fileForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.fileKeyLabel)

        self.reasonLabel = QLabel(self.fileGroup)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(self.fileGroup)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.fileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addWidget(self.fileGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.errorLabel = QLabel(ChairKeyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChairKeyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.chooseButton)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChairKeyDialog)
        self.buttonBox.accepted.connect(ChairKeyDialog.accept)
        self.buttonBox.rejected.connect(ChairKeyDialog.reject)

        QMetaObject.connectSlotsByName(ChairKeyDialog)
    # setupUi

    def retranslateUi(self, ChairKeyDialog):
        ChairKeyDialog.setWindowTitle(QCoreApplication.translate("ChairKeyDialog", u"The chair's signing key", None))
        self.introLabel.setText("")
        self.currentGroup.setTitle(QCoreApplication.translate("ChairKeyDialog", u"Held in this database", None))
        self.currentLabel.setText("")
        self.historyLabel.setText("")
        self.fileGroup.setTitle(QCoreApplication.translate("ChairKeyDialog", u"The key the chair sent", None))
        self.fileLabel.setText(QCoreApplication.translate("ChairKeyDialog", u"Key &file:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ChairKeyDialog", u"the .mqpchairkey file the chair exported", None))
        self.chooseButton.setText(QCoreApplication.translate("ChairKeyDialog", u"Choose\u2026", None))
        self.fileKeyLabel.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("ChairKeyDialog", u"&Reason for replacing:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ChairKeyDialog", u"e.g. the chair's new laptop; a new chair", None))
        self.errorLabel.setText("")
    # retranslateUi

